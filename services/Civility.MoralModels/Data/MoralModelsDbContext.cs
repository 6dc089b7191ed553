using Civility.Data;
using Civility.Hosting.Audit;
using Civility.Messaging.Diagnostics;
using Civility.MoralModels.Domain;
using Microsoft.EntityFrameworkCore;

namespace Civility.MoralModels.Data;

public sealed class MoralModelsDbContext(DbContextOptions<MoralModelsDbContext> options) : DbContext(options)
{
    public const string Schema = "moral_models";

    public DbSet<SelectionRound> Rounds => Set<SelectionRound>();

    public DbSet<Nomination> Nominations => Set<Nomination>();

    public DbSet<Objection> Objections => Set<Objection>();

    public DbSet<CreditListing> CreditListings => Set<CreditListing>();

    public DbSet<CreditGateDecision> GateDecisions => Set<CreditGateDecision>();

    public DbSet<KnownUnit> Units => Set<KnownUnit>();

    public DbSet<Vote> Votes => Set<Vote>();

    public DbSet<VoteCode> VoteCodes => Set<VoteCode>();

    public DbSet<RoundReviewer> Reviewers => Set<RoundReviewer>();

    public DbSet<ReviewScore> Scores => Set<ReviewScore>();

    public DbSet<Commendation> Commendations => Set<Commendation>();

    public DbSet<AssistanceRecord> Assistance => Set<AssistanceRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MoralModelsDbContext).Assembly);
        modelBuilder.AddCivilityTables().AddPingDiagnostics();
    }
}

public sealed class MoralModelsDbContextFactory() : DesignTimeDbContextFactory<MoralModelsDbContext>(MoralModelsDbContext.Schema);
