namespace Civility.Bench;

/// <summary>What every benchmark works with: the options, the report, the running stack and its clients.</summary>
internal sealed class BenchContext : IDisposable
{
    private BenchContext(BenchOptions options, Report report, BenchStack stack, Uri volunteersUri, string adminToken,
        HttpClient gateway, HttpClient anonymous, string superuser, string creditDb)
    {
        Options = options;
        Report = report;
        Stack = stack;
        VolunteersUri = volunteersUri;
        AdminToken = adminToken;
        Gateway = gateway;
        Anonymous = anonymous;
        Superuser = superuser;
        CreditDb = creditDb;
    }

    public BenchOptions Options { get; }

    public Report Report { get; }

    public BenchStack Stack { get; }

    /// <summary>The volunteers service's own endpoint, for the baselines and the calls the gateway's timeout would cut.</summary>
    public Uri VolunteersUri { get; }

    /// <summary>A <c>civility-admin</c> token: every scope, no unit.</summary>
    public string AdminToken { get; }

    /// <summary>The gateway with the admin token, as many connections as workers.</summary>
    public HttpClient Gateway { get; }

    /// <summary>The gateway with no token: the public endpoints.</summary>
    public HttpClient Anonymous { get; }

    /// <summary>PostgreSQL as superuser (the psql baseline, reading the services' tables).</summary>
    public string Superuser { get; }

    /// <summary>The database the services' schemas live in, as the superuser.</summary>
    public string CivilityDatabaseAsSuperuser =>
        new Npgsql.NpgsqlConnectionStringBuilder(Superuser) { Database = "civility" }.ConnectionString;

    /// <summary>PostgreSQL as the credit service's own role (the public credit query's baseline).</summary>
    public string CreditDb { get; }

    public static async Task<BenchContext> CreateAsync(BenchOptions options, Report report, BenchStack stack)
    {
        var gatewayUri = stack.Endpoint("gateway");
        var volunteersUri = stack.Endpoint("volunteers");
        var admin = await stack.TokenAsync("civility-admin");
        var gateway = Load.Client(gatewayUri, admin, options.Workers);
        var anonymous = Load.Client(gatewayUri, null, options.Workers);
        try
        {
            var superuser = await stack.ConnectionStringAsync("postgres");
            var creditDb = await stack.ConnectionStringAsync("credit-db");
            return new BenchContext(options, report, stack, volunteersUri, admin, gateway, anonymous, superuser, creditDb);
        }
        catch
        {
            gateway.Dispose();
            anonymous.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Gateway.Dispose();
        Anonymous.Dispose();
    }
}
