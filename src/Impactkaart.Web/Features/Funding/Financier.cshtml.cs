using System.Diagnostics;
using System.Globalization;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Web.Features.Accounts;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Funding;

/// <summary>
/// /financier: a funder's portfolio, every connected project it may see (<see cref="FunderAccess"/>), filtered by
/// provider, theme, scheme, neighbourhood, start year and phase, with the totals of the selection in both views, who
/// gains, the work saved per sector and the uncertainty of the total from one simulation. An organisation that is no
/// funder gets an explanation of how it becomes one.
/// </summary>
public sealed class FinancierModel(CurrentMember current, FunderPortfolio portfolio, FundingStore store, ImpactModel model, RequestLanguage language)
    : AccountPage(language)
{
    /// <summary>The audit log's name for a look at the portfolio.</summary>
    public const string Viewed = "portefeuille";

    public ImpactModel ImpactModel => model;

    public bool IsFunder { get; private set; }

    /// <summary>Every connection the funder sees, unfiltered (for the filter's lists).</summary>
    public IReadOnlyList<FundedRow> All { get; private set; } = [];

    public IReadOnlyList<FundedRow> Rows { get; private set; } = [];

    public FunderTotals Totals { get; private set; } = FunderTotals.Of([]);

    public PortfolioUncertainty? Uncertainty { get; private set; }

    public FunderChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var member = await current.RequireAsync(cancellationToken);
        IsFunder = (await current.OrganisationAsync(cancellationToken))?.IsFunder == true;
        if (!IsFunder)
        {
            Choices = FunderChoices.From(QueryCollection.Empty, [], model, Lang);
            return Page();
        }
        All = await portfolio.RowsAsync(member.OrganisationId, FunderFilter.All, cancellationToken);
        var read = Stopwatch.GetElapsedTime(started);
        Choices = FunderChoices.From(Request.Query, All, model, Lang);
        foreach (var (key, message) in Choices.Errors)
        {
            Errors[key] = message;
        }
        Rows = [.. All.Where(Choices.Filter.Matches)];
        Totals = FunderTotals.Of([.. Rows]);
        var simulated = Stopwatch.GetTimestamp();
        if (Choices.WithUncertainty)
        {
            Uncertainty = await portfolio.UncertaintyAsync([.. Rows], cancellationToken);
        }
        var simulation = Stopwatch.GetElapsedTime(simulated);
        if (Rows.Count > 0)
        {
            await store.RecordOverviewAsync(member, Viewed, ByProvider(Rows), cancellationToken);
        }
        // Server-Timing: reading the rows, the simulation, and everything up to the first byte (the page rendered).
        Response.OnStarting(() =>
        {
            Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture,
                $"db;dur={read.TotalMilliseconds:0.0};desc=\"rows\", mc;dur={simulation.TotalMilliseconds:0.0};desc=\"uncertainty\", app;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0};desc=\"page\"");
            return Task.CompletedTask;
        });
        return Errors.Count > 0 ? Invalid() : Page();
    }

    /// <summary>The projects shown per provider, for the providers' logs.</summary>
    public static List<(Guid ProviderId, int Projects)> ByProvider(IEnumerable<FundedRow> rows) =>
        [.. rows.GroupBy(r => r.ProviderId).Select(g => (g.Key, g.Count()))];

    /// <summary>The funder's providers, by name.</summary>
    public IEnumerable<(Guid Id, string Name)> Providers =>
        All.GroupBy(r => r.ProviderId).Select(g => (g.Key, g.First().ProviderName)).OrderBy(p => p.Item2, StringComparer.CurrentCultureIgnoreCase);

    public IEnumerable<string> Schemes => All.Select(r => r.Scheme).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCultureIgnoreCase);

    public IEnumerable<string> Neighbourhoods =>
        All.SelectMany(r => r.Neighbourhoods).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCultureIgnoreCase);

    public IEnumerable<int> Years => All.Select(r => r.StartYear).Where(y => y > 0).Distinct().Order();

    public string ThemeLabel(string id) => model.Themes.FirstOrDefault(t => t.Id == id) is { } theme ? Lang[theme.Label] : id;

    public string ReferenceLabel(string id) => model.FindReferenceProject(id) is { } project ? Lang[project.Label] : id;

    public string PayerLabel(string id) => model.Payers.FirstOrDefault(p => p.Id == id) is { } payer ? Lang[payer.Label] : id;

    public string SectorLabel(string id) => model.Sectors.FirstOrDefault(s => s.Id == id) is { } sector ? Lang[sector.Label] : id;

    public string PhaseLabel(Phase phase) => phase == Phase.Evaluation ? Lang.T("Evaluatie", "Evaluation") : Lang.T("Plan", "Plan");

    public string Money(long cents) => Lang.Formats.Amount(cents / 100m);

    public string Ratio(double? ratio) => ratio is { } r ? Lang.Formats.Money((decimal)r) : "–";
}
