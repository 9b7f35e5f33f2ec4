using Impactkaart.Engine.Model;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Portfolio;

/// <summary>
/// /projecten/export.csv and /projecten/export.xlsx: every project of the portfolio's filter (all pages), in its
/// order. A filter that does not validate goes back to the portfolio, which names what is wrong.
/// </summary>
public sealed class ExportModel(ImpactkaartDb db, CurrentMember current, ImpactModel model, RequestLanguage lang, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string format, CancellationToken cancellationToken)
    {
        if (format is not ("csv" or "xlsx"))
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        var member = await current.RequireAsync(cancellationToken);
        var filter = PortfolioFilter.From(Request.Query, model, lang);
        if (filter.Errors.Count > 0)
        {
            return Redirect("/projecten" + Request.QueryString);
        }
        var export = new PortfolioExport(model, lang);
        var rows = PortfolioQuery.Rows(db, filter, member.OrganisationId);
        var name = $"impactkaart-projecten-{DutchTime.Today(clock):yyyy-MM-dd}.{format}";
        if (format == "xlsx")
        {
            var totals = await PortfolioQuery.TotalsAsync(db, filter, member.OrganisationId, cancellationToken);
            var list = await rows.ToListAsync(cancellationToken);
            return File(export.Workbook(list, totals), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
        }
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = name }.ToString();
        await export.WriteCsvAsync(rows.AsAsyncEnumerable(), Response.Body, cancellationToken);
        return new EmptyResult();
    }
}
