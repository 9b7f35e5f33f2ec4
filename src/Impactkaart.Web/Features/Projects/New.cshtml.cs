using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Projects;

/// <summary>Saves the map that is posted (from the map page) as a new project of the member's organisation.</summary>
public sealed class NewModel(ProjectStore store, CurrentMember current, RequestLanguage language) : SavePage(store, current, language)
{
    public async Task<IActionResult> OnPostAsync()
    {
        var member = await Members.RequireAsync(HttpContext.RequestAborted);
        State = ProjectState.From(Request.Form);
        State[ProjectState.ProjectKey] = null;
        State[ProjectState.RevisionKey] = null;
        var result = await Store.CreateAsync(member, State.ToRequest(), HttpContext.RequestAborted);
        return Show(result, member.Id);
    }
}
