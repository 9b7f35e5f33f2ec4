using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Portfolio;

/// <summary>The sums over every project that matches the filter. Money in whole cents, summed by the database.</summary>
public sealed record PortfolioTotals(int Count, long InvestedCents, long BenefitsCents, double HoursSaved, double FteSaved)
{
    public static readonly PortfolioTotals None = new(0, 0, 0, 0, 0);

    /// <summary>Benefits per euro invested over the whole selection (sum of benefits / sum invested); null without investment.</summary>
    public decimal? Ratio => InvestedCents > 0 ? (decimal)BenefitsCents / InvestedCents : null;
}

/// <summary>One project as the portfolio and its exports list it.</summary>
public sealed record PortfolioRow(
    Guid Id, string Name, string ReferenceProject, string Theme, int StartYear, Phase Phase,
    long InvestedCents, long BenefitsCents, double? Ratio, double HoursSaved, double FteSaved, DateTime UpdatedAt);

/// <summary>
/// The portfolio's two queries: the totals (COUNT and SUMs in the database) and one page of rows. Both start from
/// the member's organisation and the index on (OrganisationId, Name), so ten thousand projects never come into memory.
/// </summary>
public static class PortfolioQuery
{
    public static async Task<PortfolioTotals> TotalsAsync(ImpactkaartDb db, PortfolioFilter filter, Guid organisationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        return await filter.Apply(db.Projects.AsNoTracking(), organisationId)
            .GroupBy(_ => 1)
            .Select(g => new PortfolioTotals(
                g.Count(), g.Sum(p => p.InvestedCents), g.Sum(p => p.BenefitsCents), g.Sum(p => p.HoursSaved), g.Sum(p => p.FteSaved)))
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false) ?? PortfolioTotals.None;
    }

    /// <summary>
    /// The rows of the filter's page (<see cref="PortfolioFilter.PageSize"/> at most), sorted as chosen. The page's ids
    /// are picked from the portfolio index alone (sorting ten thousand small index entries, not rows); only the rows
    /// of those ids are read.
    /// </summary>
    public static async Task<List<PortfolioRow>> PageAsync(ImpactkaartDb db, PortfolioFilter filter, Guid organisationId, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var ids = filter.Order(filter.Apply(db.Projects, organisationId))
            .Skip((page - 1) * PortfolioFilter.PageSize).Take(PortfolioFilter.PageSize)
            .Select(p => p.Id);
        return await Select(filter.Order(db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id))))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every matching row, sorted as chosen, read one by one (for the exports).</summary>
    public static IQueryable<PortfolioRow> Rows(ImpactkaartDb db, PortfolioFilter filter, Guid organisationId)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        return Select(filter.Order(filter.Apply(db.Projects.AsNoTracking(), organisationId)));
    }

    private static IQueryable<PortfolioRow> Select(IQueryable<Project> projects) =>
        projects.Select(p => new PortfolioRow(p.Id, p.Name, p.ReferenceProject, p.Theme, p.StartYear, p.Phase,
            p.InvestedCents, p.BenefitsCents, p.Ratio, p.HoursSaved, p.FteSaved, p.UpdatedAt));
}
