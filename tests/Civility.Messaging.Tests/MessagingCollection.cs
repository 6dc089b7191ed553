namespace Civility.Messaging.Tests;

[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<LocalServers>
{
    public const string Name = "Local PostgreSQL and RabbitMQ";
}
