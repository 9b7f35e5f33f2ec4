using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Projects;

/// <summary>One version of a project as it was saved: its figures, who saved it and why, and its map.</summary>
public sealed class VersionModel(ProjectStore store, CurrentMember current, RequestLanguage language) : ProjectPage(store, current, language)
{
    public ProjectVersion? Version { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int nummer)
    {
        var member = await Members.RequireAsync(HttpContext.RequestAborted);
        Project = await Store.FindAsync(member.OrganisationId, id, HttpContext.RequestAborted);
        if (Project is null)
        {
            return NotFound();
        }
        Version = (await Store.VersionsAsync(member.OrganisationId, id, HttpContext.RequestAborted)).FirstOrDefault(v => v.Number == nummer);
        return Version is null ? NotFound() : Page();
    }
}
