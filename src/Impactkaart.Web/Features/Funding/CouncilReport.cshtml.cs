using Impactkaart.Documents;
using Impactkaart.Engine.Model;
using Impactkaart.Reports;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Impactkaart.Web.Features.Funding;

/// <summary>
/// /financier/raadsrapportage.pdf and .xlsx: the council report of the funder's portfolio, or of the part its filter
/// selects (?regeling=… for one scheme; also aanbieder, thema, wijk, jaar, fase as on the portfolio; ?taal=en for
/// English). Only a funder's members get it; anyone else finds nothing here. Each download is in both logs.
/// </summary>
public sealed class CouncilReportModel(CurrentMember current, CouncilReports reports, FundingStore store, ImpactModel model, RequestLanguage lang, TimeProvider clock)
    : PageModel
{
    public IReadOnlyList<string> Messages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string format, CancellationToken cancellationToken)
    {
        if (format is not ("pdf" or "xlsx"))
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        var member = await current.RequireAsync(cancellationToken);
        if (await current.OrganisationAsync(cancellationToken) is not { IsFunder: true } funder)
        {
            return NotFound();
        }
        var (filter, errors) = FunderFilterNames.Site.Read(Request.Query, model);
        if (errors.Count > 0)
        {
            Messages = [.. errors.Select(e => lang[e.Message])];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var (report, rows) = await reports.BuildAsync(funder, filter, cancellationToken);
        await store.RecordViewAsync(member, rows.Select(r => (r.ProviderId, "raadsrapportage (" + format + ")")), cancellationToken);
        var name = $"raadsrapportage-{DutchTime.Today(clock):yyyy-MM-dd}.{format}";
        return format == "pdf"
            ? File(CouncilPdf.Render(report, lang.Language), "application/pdf", name)
            : File(CouncilWorkbook.Render(report, lang.Language), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }
}
