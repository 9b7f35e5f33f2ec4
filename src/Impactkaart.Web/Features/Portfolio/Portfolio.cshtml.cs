using System.Diagnostics;
using System.Globalization;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Accounts;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Portfolio;

/// <summary>
/// All projects of the member's organisation with their totals, filtered by theme, start year and phase, sortable
/// and paged. The totals cover every matching project, not only the page shown.
/// </summary>
public sealed class PortfolioModel(ImpactkaartDb db, CurrentMember current, ImpactModel model, RequestLanguage language)
    : AccountPage(language)
{
    public ImpactModel ImpactModel => model;

    public PortfolioFilter Filter { get; private set; } = null!;

    public PortfolioTotals Totals { get; private set; } = PortfolioTotals.None;

    public IReadOnlyList<PortfolioRow> Rows { get; private set; } = [];

    /// <summary>The page shown (the last one when the address asks for one beyond it).</summary>
    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Totals.Count + PortfolioFilter.PageSize - 1) / PortfolioFilter.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var member = await current.RequireAsync(cancellationToken);
        Filter = PortfolioFilter.From(Request.Query, model, Lang);
        foreach (var (key, message) in Filter.Errors)
        {
            Errors[key] = message;
        }
        var queries = Stopwatch.GetTimestamp();
        Totals = await PortfolioQuery.TotalsAsync(db, Filter, member.OrganisationId, cancellationToken);
        PageNumber = Math.Min(Filter.Page, PageCount);
        if (Totals.Count > 0)
        {
            Rows = await PortfolioQuery.PageAsync(db, Filter, member.OrganisationId, PageNumber, cancellationToken);
        }
        var database = Stopwatch.GetElapsedTime(queries);
        // Server-Timing: the two queries, and everything up to the first byte of the answer (the page rendered).
        Response.OnStarting(() =>
        {
            Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture,
                $"db;dur={database.TotalMilliseconds:0.0};desc=\"queries\", app;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.0};desc=\"page\"");
            return Task.CompletedTask;
        });
        return Errors.Count > 0 ? Invalid() : Page();
    }

    public string ThemeLabel(string id) => model.Themes.FirstOrDefault(t => t.Id == id) is { } theme ? Lang[theme.Label] : id;

    public string PhaseLabel(Phase phase) => phase == Phase.Evaluation ? Lang.T("Evaluatie", "Evaluation") : Lang.T("Plan", "Plan");

    public string Money(long cents) => Lang.Formats.Amount(cents / 100m);

    public string Ratio(double? ratio) => ratio is { } r ? Lang.Formats.Money((decimal)r) : "–";
}
