using Civility.Contracts;
using Civility.Data;
using Civility.Messaging.Diagnostics;
using Civility.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Civility.Messaging.TestHost;

/// <summary>An event of the tests only. <see cref="Poison"/> makes every consumer attempt fail.</summary>
public sealed record TestEvent(int Sequence, bool Poison = false) : IntegrationEvent;

/// <summary>The observable effect of applying one message: counted, so a second application shows.</summary>
public sealed class Effect
{
    public long Id { get; set; }

    public Guid EventId { get; set; }

    public int Sequence { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}

/// <summary>A business row a test changes together with an outbox event (or rolls back with it).</summary>
public sealed class Change
{
    public long Id { get; set; }

    public string Note { get; set; } = "";
}

public sealed class MessagingTestDbContext(DbContextOptions<MessagingTestDbContext> options) : DbContext(options)
{
    public const string Schema = "messaging_test";

    public DbSet<Effect> Effects => Set<Effect>();

    public DbSet<Change> Changes => Set<Change>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<Effect>().HasIndex(e => e.EventId);
        modelBuilder.AddMessagingTables().AddPingDiagnostics();
    }
}

public sealed class MessagingTestDbContextFactory() : DesignTimeDbContextFactory<MessagingTestDbContext>(MessagingTestDbContext.Schema);

[InboxKey("TestEventConsumer")]
public sealed class TestEventConsumer(MessagingTestDbContext db, TimeProvider clock)
    : InboxConsumer<TestEvent, MessagingTestDbContext>(db, clock)
{
    protected override Task HandleAsync(TestEvent message, ConsumeContext<TestEvent> context)
    {
        if (message.Poison) throw new InvalidOperationException($"Poison message {message.Sequence}");
        Db.Effects.Add(new Effect { EventId = context.MessageId!.Value, Sequence = message.Sequence, AppliedAt = Clock.GetUtcNow() });
        return Task.CompletedTask;
    }
}
