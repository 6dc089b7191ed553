using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Civility.AppHost.Infrastructure;

/// <summary>The PostgreSQL server and the RabbitMQ broker, whichever way they were provided.</summary>
public sealed class CivilityInfrastructure
{
    internal CivilityInfrastructure(
        IDistributedApplicationBuilder builder, InfraMode mode, string dataDirectory, DevSecrets secrets,
        IResourceBuilder<IResourceWithConnectionString> postgres, EndpointReference postgresEndpoint,
        IResourceBuilder<IResourceWithConnectionString> rabbitMQ, BrokerAccounts brokerAccounts)
    {
        BrokerAccounts = brokerAccounts;
        Builder = builder;
        Mode = mode;
        DataDirectory = dataDirectory;
        Secrets = secrets;
        Postgres = postgres;
        PostgresEndpoint = postgresEndpoint;
        RabbitMQ = rabbitMQ;
        postgres.OnResourceReady((resource, evt, ct) => RunBootstrapAsync(resource, evt.Services, ct));
    }

    internal IDistributedApplicationBuilder Builder { get; }
    internal DevSecrets Secrets { get; }
    internal DatabaseBootstrap Bootstrap { get; } = new();

    /// <summary>
    /// Who may use the broker, and for what: the services' user and each partner app's (see <see cref="BrokerAccounts"/>).
    /// </summary>
    internal BrokerAccounts BrokerAccounts { get; }
    public InfraMode Mode { get; }

    /// <summary>Where local servers and development secrets and keys keep their data (git-ignored).</summary>
    public string DataDirectory { get; }
    public IResourceBuilder<IResourceWithConnectionString> Postgres { get; }
    public EndpointReference PostgresEndpoint { get; }
    public IResourceBuilder<IResourceWithConnectionString> RabbitMQ { get; }

    /// <summary>The migration step the services wait for, once added (<see cref="MigrationStep.AddMigrationStep"/>).</summary>
    internal IResourceBuilder<ProjectResource>? MigrationStep { get; set; }

    private async Task RunBootstrapAsync(IResourceWithConnectionString server, IServiceProvider services, CancellationToken ct)
    {
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
        var connectionString = await server.ConnectionStringExpression.GetValueAsync(ct)
            ?? throw new InvalidOperationException("The PostgreSQL server has no connection string.");
        await Bootstrap.RunAsync(connectionString, logger, ct);
    }
}

public static class CivilityInfrastructureExtensions
{
    private const string PostgresImageTag = "15.10";
    private const string RabbitMQImageTag = "3.10.25-management";

    /// <summary>
    /// PostgreSQL's own page cache. Its default (128 MB) is smaller than a million imported service hours with their
    /// four indexes, so a bulk import wrote pages out mid-way: merging a million rows took 16–18 s at 256 MB and
    /// 14–15 s at 1 GB on this 2-core machine.
    /// </summary>
    private const string PostgresSharedBuffers = "1GB";

    /// <summary>
    /// Adds PostgreSQL (resource <c>postgres</c>) and RabbitMQ (resource <c>rabbitmq</c>): containers when an engine
    /// answers, otherwise local processes from the Debian packages. <c>Infra:Mode=auto|containers|local</c> overrides;
    /// <c>Infra:DataDir</c> moves the data (default: <c>.data/</c> at the repository root, git-ignored).
    /// </summary>
    public static CivilityInfrastructure AddCivilityInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var dataDirectory = Path.GetFullPath(builder.Configuration["Infra:DataDir"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(repositoryRoot, ".data"));
        var mode = InfraModeProbe.Choose(builder.Configuration["Infra:Mode"]);
        var secrets = DevSecrets.Open(dataDirectory);

        var postgresPassword = secrets.Parameter(builder, "postgres-password");
        var rabbitUser = builder.AddParameter("rabbitmq-user", "civility");
        var rabbitPassword = secrets.Parameter(builder, "rabbitmq-password");
        var (amqpPort, portNotice) = BrokerPort.Choose(builder.Configuration);
        var brokerAccounts = new BrokerAccounts(rabbitUser.Resource, rabbitPassword.Resource);
        var definitions = Path.Combine(dataDirectory, "rabbitmq-definitions.json");

        if (mode == InfraMode.Containers)
        {
            var postgres = builder.AddPostgres("postgres", password: postgresPassword)
                .WithImageTag(PostgresImageTag)
                .WithArgs("-c", $"shared_buffers={PostgresSharedBuffers}")
                .WithDataVolume("civility-postgres-data")
                .WithLifetime(ContainerLifetime.Session);
            var rabbit = builder.AddRabbitMQ("rabbitmq", rabbitUser, rabbitPassword, port: amqpPort)
                .WithImageTag(RabbitMQImageTag)
                .WithDataVolume("civility-rabbitmq-data")
                .WithBindMount(definitions, "/etc/rabbitmq/civility-definitions.json", isReadOnly: true)
                .WithEnvironment(
                    "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS",
                    "-rabbit load_definitions \"/etc/rabbitmq/civility-definitions.json\"")
                .WithBrokerAccounts(brokerAccounts, definitions)
                .WarnWhenMoved(portNotice);
            return new CivilityInfrastructure(builder, mode, dataDirectory, secrets,
                postgres.AsConnectionString(), postgres.Resource.PrimaryEndpoint, rabbit.AsConnectionString(), brokerAccounts);
        }

        var fsync = builder.Configuration["Infra:PostgresFsync"] ?? "on";
        var localPostgres = builder.AddResource(new LocalPostgresResource("postgres", repositoryRoot, postgresPassword.Resource))
            .WithArgs(Path.Combine(repositoryRoot, "infra/local/postgres.sh"), Path.Combine(dataDirectory, "postgres"))
            .WithEnvironment("POSTGRES_PASSWORD", postgresPassword)
            .WithEnvironment("PG_FSYNC", fsync)
            .WithEnvironment("PG_SHARED_BUFFERS", PostgresSharedBuffers)
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "PGPORT", isProxied: false)
            .WithLocalHealthCheck("postgres-answers", r => new PostgresAnswersHealthCheck(r));

        var localRabbit = builder
            .AddResource(new LocalRabbitMQResource("rabbitmq", repositoryRoot, rabbitUser.Resource, rabbitPassword.Resource))
            .WithArgs(Path.Combine(repositoryRoot, "infra/local/rabbitmq.sh"), Path.Combine(dataDirectory, "rabbitmq"))
            .WithEnvironment("RABBITMQ_USER", rabbitUser)
            .WithEnvironment("RABBITMQ_PASSWORD", rabbitPassword)
            .WithEnvironment("RABBITMQ_DEFINITIONS", definitions)
            .WithBrokerAccounts(brokerAccounts, definitions)
            .WithEndpoint(name: "tcp", scheme: "tcp", port: amqpPort, env: "RABBITMQ_NODE_PORT", isProxied: false)
            .WarnWhenMoved(portNotice)
            .WithEndpoint(name: "epmd", scheme: "tcp", env: "ERL_EPMD_PORT", isProxied: false)
            .WithEndpoint(name: "dist", scheme: "tcp", env: "RABBITMQ_DIST_PORT", isProxied: false)
            .WithLocalHealthCheck("rabbitmq-answers", r => new RabbitMQAnswersHealthCheck(r));

        return new CivilityInfrastructure(builder, mode, dataDirectory, secrets,
            localPostgres.AsConnectionString(), localPostgres.Resource.PrimaryEndpoint, localRabbit.AsConnectionString(), brokerAccounts);
    }

    /// <summary>
    /// Gives a service its own login role, owning only its schema, and hands it the connection string
    /// <c>ConnectionStrings:database</c>; the service starts once the roles exist and, when the stack has a migration
    /// step, once that step has brought every schema up to date (the service then only checks that it has).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithServiceDatabase(
        this IResourceBuilder<ProjectResource> project, CivilityInfrastructure infra, string schema)
    {
        var role = schema;
        var password = infra.Secrets.Parameter(infra.Builder, $"{project.Resource.Name}-db-password");
        infra.Bootstrap.AddServiceRole(role, schema, password.Resource);
        var endpoint = infra.PostgresEndpoint;
        var connectionString = infra.Builder.AddConnectionString($"{project.Resource.Name}-db", ReferenceExpression.Create(
            $"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)};"
            + $"Database={DatabaseBootstrap.DatabaseName};Username={role};Password={password.Resource}"));
        project.WithReference(connectionString, connectionName: "database").WaitFor(infra.Postgres);
        if (infra.MigrationStep is { } step)
        {
            // Named as an identifier (moral_models): the orchestrator spells an environment variable's name so anyway.
            step.WithReference(connectionString, connectionName: project.Resource.Name.Replace('-', '_'));
            project.WithEnvironment("Database__Migrations", "External").WaitForCompletion(step);
        }
        return project;
    }

    /// <summary>
    /// The keys that protect citizen ID numbers: the same for every service, so that one person's keyed hash matches
    /// across services (a black-listed nominee is recognised by the moral-model service).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPersonalDataKeys(
        this IResourceBuilder<ProjectResource> project, CivilityInfrastructure infra) =>
        project
            .WithEnvironment("PersonalData__HashKey", infra.Secrets.Parameter(infra.Builder, "personal-data-hash-key"))
            .WithEnvironment("PersonalData__EncryptionKey", infra.Secrets.Parameter(infra.Builder, "personal-data-encryption-key"));

    /// <summary>The secret from which every replica of a web application derives the same data-protection key.</summary>
    public static IResourceBuilder<ProjectResource> WithSharedKeyRing(
        this IResourceBuilder<ProjectResource> project, CivilityInfrastructure infra) =>
        project.WithEnvironment("DataProtection__KeyRingSecret",
            infra.Secrets.Parameter(infra.Builder, $"{project.Resource.Name}-key-ring-secret"));

    /// <summary>Hands a service the broker as <c>ConnectionStrings:messaging</c> and starts it once the broker is ready.</summary>
    public static IResourceBuilder<ProjectResource> WithMessaging(
        this IResourceBuilder<ProjectResource> project, CivilityInfrastructure infra) =>
        project.WithReference(infra.RabbitMQ, connectionName: "messaging").WaitFor(infra.RabbitMQ);

    /// <summary>Writes the broker's users and permissions where the broker imports them, just before it starts.</summary>
    private static IResourceBuilder<T> WithBrokerAccounts<T>(this IResourceBuilder<T> broker, BrokerAccounts accounts, string path)
        where T : IResource =>
        broker.OnBeforeResourceStarted((_, _, ct) => accounts.WriteAsync(path, ct));

    private static IResourceBuilder<T> WithLocalHealthCheck<T>(
        this IResourceBuilder<T> resource, string key, Func<T, IHealthCheck> create) where T : IResource
    {
        resource.ApplicationBuilder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(key, _ => create(resource.Resource), failureStatus: null, tags: null));
        return resource.WithHealthCheck(key);
    }

    private static IResourceBuilder<IResourceWithConnectionString> AsConnectionString<T>(this IResourceBuilder<T> resource)
        where T : IResourceWithConnectionString =>
        resource.ApplicationBuilder.CreateResourceBuilder<IResourceWithConnectionString>(resource.Resource);
}
