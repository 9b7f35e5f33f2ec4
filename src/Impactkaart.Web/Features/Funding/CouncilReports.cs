using Impactkaart.Engine;
using Impactkaart.Engine.Model;
using Impactkaart.Reports;
using Impactkaart.Web.Data;

namespace Impactkaart.Web.Features.Funding;

/// <summary>
/// The council report's content for a funder and a selection of its portfolio: the same rows, totals
/// (<see cref="FunderTotals.Of"/>) and uncertainty as the portfolio page, so the report's figures are the page's.
/// </summary>
public sealed class CouncilReports(Agreements agreementStore, ImpactModel model, FunderPortfolio portfolio, TimeProvider clock)
{
    /// <summary>The report of the funder's rows that match <paramref name="filter"/>, with the rows it covers.</summary>
    public async Task<(CouncilReport Report, List<FundedRow> Rows)> BuildAsync(Organisation funder, FunderFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(funder);
        ArgumentNullException.ThrowIfNull(filter);
        var rows = await portfolio.RowsAsync(funder.Id, filter, cancellationToken).ConfigureAwait(false);
        var totals = FunderTotals.Of(rows);
        var uncertainty = await portfolio.UncertaintyAsync(rows, cancellationToken).ConfigureAwait(false);
        var agreements = await FunderAgreements.ReadAsync(agreementStore, funder.Id, [.. rows.Select(r => r.FundingId)], cancellationToken).ConfigureAwait(false);
        var references = rows.Select(r => model.FindReferenceProject(r.ReferenceProject)).OfType<ReferenceProject>().DistinctBy(p => p.Id)
            .OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var byFunding = rows.ToDictionary(r => r.FundingId);
        var report = new CouncilReport(
            funder.Name, string.IsNullOrEmpty(filter.Scheme) ? null : filter.Scheme, Shared.DutchTime.Today(clock),
            totals.Projects, totals.Providers, totals.Participants, Euros(totals.InvestedCents), Euros(totals.BenefitsCents),
            Euros(totals.WelfareBenefitsCents), totals.HoursSaved, totals.FteSaved,
            uncertainty is null ? null : Range(uncertainty.Headline), uncertainty is null ? null : Range(uncertainty.Welfare),
            uncertainty?.Draws ?? model.DefaultDraws,
            [.. totals.ByPayer.Select(p => new CouncilPayer(model.Payers.FirstOrDefault(m => m.Id == p.PayerId)?.Label ?? Plain(p.PayerId), Euros(p.Cents), Euros(p.TransferCents)))],
            [.. totals.BySector.Select(s => new CouncilSector(model.Sectors.FirstOrDefault(m => m.Id == s.SectorId)?.Label ?? Plain(s.SectorId), s.Hours, s.Fte))],
            [.. rows.Select(r => new CouncilProject(r.ProviderName, r.Name, model.FindReferenceProject(r.ReferenceProject)?.Label ?? Plain(r.ReferenceProject),
                r.Scheme, string.Join(", ", r.Neighbourhoods), r.StartYear, r.Phase, r.Breakdown.Participants, Euros(r.InvestedCents), Euros(r.BenefitsCents),
                r.Ratio is { } ratio ? (decimal)ratio : null, r.HoursSaved))],
            // Agreed results only: a proposal the provider has not accepted is no agreement yet.
            [.. agreements.Where(a => a.Accepted && byFunding.ContainsKey(a.FundingId)).Select(a => new CouncilAgreement(
                byFunding[a.FundingId].ProviderName, byFunding[a.FundingId].Name, a.Description, a.Target, a.Due, a.Planned, a.Realised, a.Difference, a.RealisedNote))],
            [.. references.Where(p => p.Qualitative.Count > 0).Select(p => new CouncilQualitative(p.Label, [.. p.Qualitative.Select(q => q.Text)]))],
            Sources(references), model.Version, model.PriceYear);
        return (report, rows);
    }

    /// <summary>Every source behind the reference projects in the report: effects, corrections, prices and quantities, the price index.</summary>
    private List<Source> Sources(IEnumerable<ReferenceProject> references)
    {
        var bases = new List<Basis?> { model.DiscountRate.Basis };
        foreach (var outcome in references.SelectMany(p => p.Outcomes))
        {
            bases.AddRange([outcome.Effect.Basis, outcome.Deadweight.Basis, outcome.Attribution.Basis, outcome.DropOff.Basis]);
            foreach (var link in outcome.Prices)
            {
                bases.AddRange([link.Price.Value.Basis, link.QuantityBasis, .. link.Price.Labour.Select(l => l.HoursPerUnit.Basis)]);
            }
        }
        var sources = bases.Select(b => b?.Source).OfType<Source>().Append(model.PriceIndex.Source);
        return [.. sources.DistinctBy(s => s.Id).OrderBy(s => s.Citation, StringComparer.CurrentCultureIgnoreCase)];
    }

    private static CouncilRange Range(Engine.Calculation.PortfolioSpread spread) =>
        new(spread.NetPresentValueP10.Euros, spread.NetPresentValueP50.Euros, spread.NetPresentValueP90.Euros, spread.ProbabilityPositive.Value);

    private static Text Plain(string text) => new(text, text);

    private static decimal Euros(long cents) => cents / 100m;
}
