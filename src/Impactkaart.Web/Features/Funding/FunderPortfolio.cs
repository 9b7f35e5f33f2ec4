using System.Security.Cryptography;
using System.Text;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Projects;
using Impactkaart.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Impactkaart.Web.Features.Funding;

/// <summary>
/// The one rule of what a funder sees: a project connected to it, by a provider whose relation it accepted, that
/// still exists. Never drafts (a project exists only once saved), never the versions' history or the provider's
/// members: every funder page, export and API endpoint starts from <see cref="Visible"/>.
/// </summary>
public static class FunderAccess
{
    /// <summary>The funder's connections that it may see.</summary>
    public static IQueryable<FundedProject> Visible(ImpactkaartDb db, Guid funderId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.FundedProjects.AsNoTracking().Where(f => f.FunderId == funderId
            && db.FunderRelations.Any(r => r.ProviderId == f.ProviderId && r.FunderId == funderId && r.AcceptedAt != null)
            && db.Projects.Any(p => p.Id == f.ProjectId && p.OrganisationId == f.ProviderId && p.DeletedAt == null));
    }

    /// <summary>The neighbourhoods of a connection as a list ("Noord; Oost" → Noord, Oost).</summary>
    public static IReadOnlyList<string> Neighbourhoods(string stored) =>
        [.. (stored ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The neighbourhoods as stored: trimmed, without doubles, separated by "; ".</summary>
    public static string JoinNeighbourhoods(IEnumerable<string> neighbourhoods) =>
        string.Join("; ", neighbourhoods.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase));
}

/// <summary>One connected project as the funder's portfolio lists it: the connection and its project's current map.</summary>
public sealed record FundedRow(
    Guid FundingId, Guid ProjectId, Guid ProviderId, string ProviderName, string Name, string ReferenceProject, string Theme,
    int StartYear, Phase Phase, string Scheme, IReadOnlyList<string> Neighbourhoods,
    long InvestedCents, long BenefitsCents, long WelfareBenefitsCents, double? Ratio, double HoursSaved, double FteSaved,
    int Revision, ProjectBreakdown Breakdown, DateTime UpdatedAt)
{
    public double? WelfareRatio => InvestedCents > 0 ? (double)WelfareBenefitsCents / InvestedCents : null;
}

/// <summary>What a funder narrows its portfolio to; null or empty means "all".</summary>
public sealed record FunderFilter(Guid? Provider = null, string? Theme = null, string? Scheme = null, string? Neighbourhood = null, int? Year = null, Phase? Phase = null)
{
    public static readonly FunderFilter All = new();

    public bool Matches(FundedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return (Provider is null || row.ProviderId == Provider)
            && (string.IsNullOrEmpty(Theme) || row.Theme == Theme)
            && (string.IsNullOrEmpty(Scheme) || string.Equals(row.Scheme, Scheme, StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrEmpty(Neighbourhood) || row.Neighbourhoods.Contains(Neighbourhood, StringComparer.OrdinalIgnoreCase))
            && (Year is null || row.StartYear == Year)
            && (Phase is null || row.Phase == Phase);
    }
}

/// <summary>The sums over a selection of connected projects. Money in whole cents; payers and sectors keyed by the model's ids.</summary>
public sealed record FunderTotals(
    int Projects, int Providers, long Participants, long InvestedCents, long BenefitsCents, long WelfareBenefitsCents,
    double HoursSaved, double FteSaved,
    IReadOnlyList<(string PayerId, long Cents, long TransferCents)> ByPayer,
    IReadOnlyList<(string SectorId, double Hours, double Fte)> BySector)
{
    /// <summary>The payer listed first wherever the portfolio says who gains: the municipality's own share.</summary>
    public const string Municipality = "gemeente";

    /// <summary>Benefits per euro over the selection (sum of benefits / sum invested); null without investment.</summary>
    public double? Ratio => InvestedCents > 0 ? (double)BenefitsCents / InvestedCents : null;

    public double? WelfareRatio => InvestedCents > 0 ? (double)WelfareBenefitsCents / InvestedCents : null;

    public long NetPresentValueCents => BenefitsCents - InvestedCents;

    public long WelfareNetPresentValueCents => WelfareBenefitsCents - InvestedCents;

    public static FunderTotals Of(IReadOnlyCollection<FundedRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var payers = new Dictionary<string, (long Cents, long Transfers)>(StringComparer.Ordinal);
        var sectors = new Dictionary<string, (double Hours, double Fte)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var (id, amount) in row.Breakdown.Payers)
            {
                var sum = payers.GetValueOrDefault(id);
                payers[id] = (sum.Cents + amount.Cents, sum.Transfers + amount.TransferCents);
            }
            foreach (var (id, hours) in row.Breakdown.Sectors)
            {
                var sum = sectors.GetValueOrDefault(id);
                sectors[id] = (sum.Hours + hours.Hours, sum.Fte + hours.Fte);
            }
        }
        return new FunderTotals(
            rows.Count, rows.Select(r => r.ProviderId).Distinct().Count(), rows.Sum(r => (long)r.Breakdown.Participants),
            rows.Sum(r => r.InvestedCents), rows.Sum(r => r.BenefitsCents), rows.Sum(r => r.WelfareBenefitsCents),
            rows.Sum(r => r.HoursSaved), rows.Sum(r => r.FteSaved),
            [.. payers.OrderByDescending(p => p.Key == Municipality).ThenByDescending(p => p.Value.Cents).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => (p.Key, p.Value.Cents, p.Value.Transfers))],
            [.. sectors.OrderByDescending(s => s.Value.Hours).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Key, s.Value.Hours, s.Value.Fte))]);
    }
}

/// <summary>
/// A funder's portfolio: the rows it may see (<see cref="FunderAccess"/>) with their stored figures, their totals,
/// and the uncertainty of the total from one simulation over all of them (<see cref="PortfolioSimulation"/>).
/// Rows are read in one query and filtered in memory: a funder's portfolio is thousands of projects, not millions.
/// </summary>
public sealed class FunderPortfolio(ImpactkaartDb db, ImpactModel model, IMemoryCache cache, IConfiguration configuration)
{
    /// <summary>
    /// The setting that turns the uncertainty's cache off (default on): only the speed measurement
    /// (load/funder-portfolio.sh) does, so that every request runs the simulation as the first look at a selection does.
    /// </summary>
    public const string CacheSetting = "Funding:CacheUncertainty";

    private bool Caches => configuration.GetValue(CacheSetting, true);

    /// <summary>Every visible connection of the funder that matches the filter, by provider then project name.</summary>
    public async Task<List<FundedRow>> RowsAsync(Guid funderId, FunderFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var read = await (
            from f in FunderAccess.Visible(db, funderId)
            join p in db.Projects.AsNoTracking() on f.ProjectId equals p.Id
            join o in db.Organisations.AsNoTracking() on f.ProviderId equals o.Id
            select new { Funding = f, Project = p, Provider = o.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var missing = read.Where(r => ProjectBreakdown.Read(r.Project.Breakdown) is null).Select(r => r.Project.Id).ToList();
        var filled = missing.Count == 0 ? [] : await FillBreakdownsAsync(missing, cancellationToken).ConfigureAwait(false);
        return [.. read
            .Select(r =>
            {
                var project = filled.GetValueOrDefault(r.Project.Id) ?? r.Project;
                return new FundedRow(r.Funding.Id, project.Id, r.Funding.ProviderId, r.Provider, project.Name, project.ReferenceProject,
                    project.Theme, project.StartYear, project.Phase, r.Funding.Scheme, FunderAccess.Neighbourhoods(r.Funding.Neighbourhoods),
                    project.InvestedCents, project.BenefitsCents, project.WelfareBenefitsCents, project.Ratio, project.HoursSaved,
                    project.FteSaved, project.Revision, ProjectBreakdown.Read(project.Breakdown) ?? Empty, project.UpdatedAt);
            })
            .Where(filter.Matches)
            .OrderBy(r => r.ProviderName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(r => r.ProjectId)];
    }

    /// <summary>
    /// The P10/P50/P90 of the rows' total net present value and the chance it is above zero, from one simulation
    /// with the model's default draws and the fixed default seed; null for no rows. Kept in the cache under the
    /// rows' ids and revisions, so a second look at the same selection costs nothing.
    /// </summary>
    public async Task<PortfolioUncertainty?> UncertaintyAsync(IReadOnlyCollection<FundedRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return null;
        }
        var key = CacheKey(rows);
        if (Caches && cache.TryGetValue(key, out PortfolioUncertainty? cached) && cached is not null)
        {
            return cached;
        }
        var inputs = await CurrentInputsAsync([.. rows.Select(r => r.ProjectId)], cancellationToken).ConfigureAwait(false);
        var projects = inputs.Select(i => new PortfolioProject(i.Key.ToString(), i.Value)).ToList();
        if (projects.Count == 0)
        {
            return null;
        }
        var result = PortfolioSimulation.Run(model, projects, new SimulationSettings(model.DefaultDraws, SimulationSettings.DefaultSeed));
        if (Caches)
        {
            cache.Set(key, result, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        }
        return result;
    }

    /// <summary>The validated input of each project's current version (a version that no longer validates is left out).</summary>
    public async Task<Dictionary<Guid, ProjectInput>> CurrentInputsAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken = default)
    {
        var inputs = new Dictionary<Guid, ProjectInput>();
        foreach (var (projectId, version) in await CurrentVersionsAsync(projectIds, cancellationToken).ConfigureAwait(false))
        {
            if (ProjectStore.ReadRequest(version.Input) is { } request && ProjectRequestValidator.Validate(model, request) is { IsValid: true } valid)
            {
                inputs[projectId] = valid.Value!;
            }
        }
        return inputs;
    }

    /// <summary>The current version (newest evaluation, else newest plan) of each project, read in chunks.</summary>
    public async Task<Dictionary<Guid, ProjectVersion>> CurrentVersionsAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projectIds);
        var current = new Dictionary<Guid, ProjectVersion>();
        foreach (var chunk in projectIds.Distinct().Chunk(500))
        {
            var versions = await db.ProjectVersions.AsNoTracking().Where(v => chunk.Contains(v.ProjectId))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var group in versions.GroupBy(v => v.ProjectId))
            {
                if (ProjectStore.CurrentOf(group) is { } version)
                {
                    current[group.Key] = version;
                }
            }
        }
        return current;
    }

    private static readonly ProjectBreakdown Empty = new(0, new Dictionary<string, PayerCents>(), new Dictionary<string, SectorHours>());

    /// <summary>Projects saved before the breakdown existed get it from their current version, once, stored on their row.</summary>
    private async Task<Dictionary<Guid, Project>> FillBreakdownsAsync(List<Guid> projectIds, CancellationToken cancellationToken)
    {
        var inputs = await CurrentInputsAsync(projectIds, cancellationToken).ConfigureAwait(false);
        var projects = await db.Projects.Where(p => projectIds.Contains(p.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var project in projects)
        {
            if (inputs.TryGetValue(project.Id, out var input))
            {
                var map = ImpactCalculator.Compute(model, input, SimulationSettings.None, withTrail: false);
                project.WelfareBenefitsCents = ProjectBreakdown.Cents(map.WelfareBenefits.Euros);
                project.Breakdown = ProjectBreakdown.Of(map).ToJson();
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved one of these projects in between: that save wrote its own breakdown. This page uses the
            // figures computed here, from the version it read.
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        return projects.ToDictionary(p => p.Id);
    }

    private string CacheKey(IEnumerable<FundedRow> rows)
    {
        var text = new StringBuilder("funder-portfolio:").Append(model.Version).Append(':');
        foreach (var row in rows.OrderBy(r => r.ProjectId))
        {
            text.Append(row.ProjectId.ToString("N")).Append('.').Append(row.Revision).Append(';');
        }
        return "funder-portfolio:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
