using Impactkaart.Documents;
using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Accounts;
using Impactkaart.Web.Features.Projects;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Sharing;

/// <summary>
/// What a funder sees behind a share link, without an account: the project's current map (the newest evaluation,
/// else the newest plan), read-only, and its PDF. Nothing else of the organisation, no forms, not indexed, and the
/// link's address is never passed on to other sites (Referrer-Policy: no-referrer). A link that no longer works
/// (expired, revoked, unknown, or its project deleted) gets a page that says so: 410 or 404.
/// </summary>
public sealed class SharedMapModel(ImpactkaartDb db, MapService maps, TimeProvider clock, RequestLanguage language) : PageModel
{
    public RequestLanguage Lang => language;

    public ImpactMap? Map { get; private set; }

    public string ProjectName { get; private set; } = "";

    public string OrganisationName { get; private set; } = "";

    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Private();
        await LoadAsync(token, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(string token, CancellationToken cancellationToken)
    {
        Private();
        if (!await LoadAsync(token, cancellationToken))
        {
            return Page();
        }
        return File(MapPdf.Render(maps.Model, Map!, Lang.Language), "application/pdf", "impactkaart-" + Map!.Input.ReferenceProject.Id + ".pdf");
    }

    /// <summary>Not indexed, not cached, and the token never leaves in a Referer header.</summary>
    private void Private()
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        Response.Headers.CacheControl = "no-store";
    }

    /// <summary>The map behind the token, or false with the status set (404 unknown, 410 no longer valid).</summary>
    private async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        Token = token;
        var hash = Tokens.Hash(token);
        var found = await (
            from s in db.ShareLinks.AsNoTracking()
            where s.TokenHash == hash
            join p in db.Projects.AsNoTracking() on s.ProjectId equals p.Id
            where p.OrganisationId == s.OrganisationId
            join o in db.Organisations.AsNoTracking() on p.OrganisationId equals o.Id
            select new { s.ExpiresAt, s.RevokedAt, ProjectId = p.Id, p.OrganisationId, p.Name, p.DeletedAt, Organisation = o.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return false;
        }
        if (found.DeletedAt is not null || ShareLinkStates.Of(found.ExpiresAt, found.RevokedAt, clock.GetUtcNow().UtcDateTime) != ShareLinkState.Active)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return false;
        }
        var input = await ProjectStore.CurrentFirst(db.ProjectVersions.AsNoTracking()
                .Where(v => v.ProjectId == found.ProjectId && v.OrganisationId == found.OrganisationId))
            .Select(v => v.Input)
            .FirstOrDefaultAsync(cancellationToken);
        var request = input is null ? null : ProjectStore.ReadRequest(input);
        if (request is null)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return false;
        }
        var (map, _) = maps.Compute(request);
        if (map is null)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return false;
        }
        Map = map;
        ProjectName = found.Name;
        OrganisationName = found.Organisation;
        return true;
    }
}
