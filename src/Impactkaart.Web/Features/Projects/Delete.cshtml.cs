using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Projects;

/// <summary>Deleting a project, after a confirmation: it is gone from every page and from the portfolio; the audit log keeps it.</summary>
public sealed class DeleteModel(ProjectStore store, CurrentMember current, RequestLanguage language) : ProjectPage(store, current, language)
{
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var member = await Members.RequireAsync(HttpContext.RequestAborted);
        Project = await Store.FindAsync(member.OrganisationId, id, HttpContext.RequestAborted);
        return Project is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var member = await Members.RequireAsync(HttpContext.RequestAborted);
        return await Store.DeleteAsync(member, id, HttpContext.RequestAborted) ? Redirect("/projecten") : NotFound();
    }
}
