using Impactkaart.Engine.Model;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Impactkaart.Web.Features.Funding;

/// <summary>
/// /financier/export.csv and /financier/export.xlsx: every connected project of the portfolio's choices with the
/// totals and the uncertainty of the total (<see cref="FunderExport"/>). Choices that do not validate, or an
/// organisation that is no funder, go back to /financier, which says what is wrong.
/// </summary>
public sealed class FunderExportFileModel(CurrentMember current, FunderPortfolio portfolio, FundingStore store, ImpactModel model,
    RequestLanguage lang, TimeProvider clock) : PageModel
{
    /// <summary>The audit log's name for a download of the portfolio.</summary>
    public const string Viewed = "export";

    public async Task<IActionResult> OnGetAsync(string format, CancellationToken cancellationToken)
    {
        if (format is not ("csv" or "xlsx"))
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        var member = await current.RequireAsync(cancellationToken);
        if ((await current.OrganisationAsync(cancellationToken))?.IsFunder != true)
        {
            return Redirect("/financier");
        }
        var all = await portfolio.RowsAsync(member.OrganisationId, FunderFilter.All, cancellationToken);
        var choices = FunderChoices.From(Request.Query, all, model, lang);
        if (choices.Errors.Count > 0)
        {
            return Redirect("/financier" + Request.QueryString);
        }
        List<FundedRow> rows = [.. all.Where(choices.Filter.Matches)];
        var totals = FunderTotals.Of(rows);
        var uncertainty = await portfolio.UncertaintyAsync(rows, cancellationToken);
        if (rows.Count > 0)
        {
            await store.RecordOverviewAsync(member, Viewed, FinancierModel.ByProvider(rows), cancellationToken);
        }
        var export = new FunderExport(model, lang);
        var name = $"impactkaart-financier-{DutchTime.Today(clock):yyyy-MM-dd}.{format}";
        return format == "xlsx"
            ? File(export.Workbook(rows, totals, uncertainty), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name)
            : File(export.Csv(rows, totals, uncertainty), "text/csv; charset=utf-8", name);
    }
}
