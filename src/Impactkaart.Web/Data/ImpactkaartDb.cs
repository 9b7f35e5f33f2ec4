using Impactkaart.Engine.Calculation;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Impactkaart.Web.Data;

/// <summary>
/// The store: organisations, members (ASP.NET Core Identity), projects and their versions, share links, the audit
/// log and the data-protection keys that every app instance shares. One model; each database has its own subclass
/// only so that each keeps its own migrations (SqliteImpactkaartDb, PostgresImpactkaartDb).
/// </summary>
public abstract class ImpactkaartDb(DbContextOptions options)
    : IdentityDbContext<Member, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectVersion> ProjectVersions => Set<ProjectVersion>();

    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<PendingRegistration> PendingRegistrations => Set<PendingRegistration>();

    public DbSet<SentMail> SentMails => Set<SentMail>();

    public DbSet<FunderRelation> FunderRelations => Set<FunderRelation>();

    public DbSet<FundedProject> FundedProjects => Set<FundedProject>();

    public DbSet<ResultAgreement> ResultAgreements => Set<ResultAgreement>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The phase as the database has always kept it: the words "plan" and "evaluatie" (no migration, readable in SQL).</summary>
    private static readonly ValueConverter<Phase, string> PhaseInDatabase = new(
        phase => phase == Phase.Evaluation ? PhaseWord.Evaluation : PhaseWord.Plan,
        word => word == PhaseWord.Evaluation ? Phase.Evaluation : Phase.Plan);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);

        builder.Entity<Organisation>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(200);
            // Providers look funders up by name.
            e.HasIndex(o => new { o.IsFunder, o.Name });
        });

        builder.Entity<Member>(e =>
        {
            e.Property(m => m.DisplayName).HasMaxLength(200);
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(m => m.OrganisationId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Invitation>(e =>
        {
            e.Property(i => i.Email).HasMaxLength(256);
            e.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
            e.Property(i => i.TokenHash).HasMaxLength(64);
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.HasIndex(i => i.OrganisationId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Project>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.ReferenceProject).HasMaxLength(80);
            e.Property(p => p.Theme).HasMaxLength(80);
            e.Property(p => p.Phase).HasConversion(PhaseInDatabase).HasMaxLength(20);
            e.Property(p => p.Revision).IsConcurrencyToken();
            e.HasIndex(p => new { p.OrganisationId, p.Name });
            // The portfolio: its totals (any filter) and the order of its pages are read from this index alone, without
            // the rows, so an organisation with ten thousand projects stays fast on SQLite and PostgreSQL.
            e.HasIndex(p => new
            {
                p.OrganisationId, p.DeletedAt, p.Theme, p.StartYear, p.Phase, p.InvestedCents, p.BenefitsCents, p.Ratio,
                p.HoursSaved, p.FteSaved, p.Name, p.Id,
            }).HasDatabaseName("IX_Projects_Portfolio");
            e.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ProjectVersion>(e =>
        {
            e.Property(v => v.Phase).HasConversion(PhaseInDatabase).HasMaxLength(20);
            e.Property(v => v.ModelVersion).HasMaxLength(40);
            e.Property(v => v.SavedByName).HasMaxLength(200);
            e.HasIndex(v => new { v.ProjectId, v.Number }).IsUnique();
            e.HasOne<Project>().WithMany().HasForeignKey(v => v.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ShareLink>(e =>
        {
            e.Property(s => s.TokenHash).HasMaxLength(64);
            e.Property(s => s.Label).HasMaxLength(200);
            e.HasIndex(s => s.TokenHash).IsUnique();
            e.HasIndex(s => s.ProjectId);
            e.HasOne<Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.MemberName).HasMaxLength(200);
            e.Property(a => a.Action).HasMaxLength(60);
            e.Property(a => a.Subject).HasMaxLength(300);
            e.HasIndex(a => new { a.OrganisationId, a.At });
        });

        builder.Entity<ApiKey>(e =>
        {
            e.Property(k => k.Name).HasMaxLength(200);
            e.Property(k => k.Prefix).HasMaxLength(20);
            e.Property(k => k.KeyHash).HasMaxLength(64);
            e.Property(k => k.Scope).HasMaxLength(20);
            e.Property(k => k.CreatedByName).HasMaxLength(200);
            e.HasIndex(k => k.KeyHash).IsUnique();
            e.HasIndex(k => k.OrganisationId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(k => k.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PendingRegistration>(e =>
        {
            e.Property(p => p.OrganisationName).HasMaxLength(200);
            e.Property(p => p.DisplayName).HasMaxLength(200);
            e.Property(p => p.Email).HasMaxLength(256);
            e.Property(p => p.TokenHash).HasMaxLength(64);
            e.Property(p => p.ReturnPath).HasMaxLength(2048);
            e.HasIndex(p => p.TokenHash).IsUnique();
            e.HasIndex(p => p.ExpiresAt);
        });

        builder.Entity<FunderRelation>(e =>
        {
            e.Property(r => r.RequestedByName).HasMaxLength(200);
            e.Property(r => r.AcceptedByName).HasMaxLength(200);
            e.HasIndex(r => new { r.ProviderId, r.FunderId }).IsUnique();
            e.HasIndex(r => r.FunderId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ProviderId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(r => r.FunderId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<FundedProject>(e =>
        {
            e.Property(f => f.Scheme).HasMaxLength(FundedProject.MaxScheme);
            e.Property(f => f.Neighbourhoods).HasMaxLength(FundedProject.MaxNeighbourhoods);
            e.Property(f => f.ConnectedByName).HasMaxLength(200);
            e.HasIndex(f => new { f.ProjectId, f.FunderId }).IsUnique();
            // The funder's portfolio: every connection of one funder, with the provider to check the relation.
            e.HasIndex(f => new { f.FunderId, f.ProviderId });
            e.HasOne<Project>().WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Organisation>().WithMany().HasForeignKey(f => f.FunderId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ResultAgreement>(e =>
        {
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.OutcomeId).HasMaxLength(80);
            e.Property(a => a.Label).HasMaxLength(ResultAgreement.MaxLabel);
            e.Property(a => a.Note).HasMaxLength(ResultAgreement.MaxNote);
            e.Property(a => a.RealisedNote).HasMaxLength(ResultAgreement.MaxNote);
            e.Property(a => a.ProposedByName).HasMaxLength(200);
            e.Property(a => a.AcceptedByName).HasMaxLength(200);
            e.HasIndex(a => a.FundedProjectId);
            e.HasIndex(a => new { a.FunderId, a.ProjectId });
            e.HasOne<FundedProject>().WithMany().HasForeignKey(a => a.FundedProjectId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SentMail>(e =>
        {
            e.Property(m => m.RecipientHash).HasMaxLength(64);
            e.Property(m => m.Kind).HasMaxLength(20);
            e.HasIndex(m => new { m.RecipientHash, m.At });
            e.HasIndex(m => new { m.OrganisationId, m.At });
            e.HasIndex(m => m.At);
        });
    }
}

/// <summary>The embedded default: one SQLite file. Its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteImpactkaartDb(DbContextOptions<SqliteImpactkaartDb> options) : ImpactkaartDb(options);

/// <summary>PostgreSQL, for several app instances and larger organisations. Its migrations are in Data/Migrations/Postgres.</summary>
public sealed class PostgresImpactkaartDb(DbContextOptions<PostgresImpactkaartDb> options) : ImpactkaartDb(options);
