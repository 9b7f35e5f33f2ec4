using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Projects;

/// <summary>
/// "Save this map": the page shows the map in the address with the save form (where signing in or registering from a
/// map lands, so the map is never lost), and saves the map that is posted as a new project of the member's organisation.
/// </summary>
public sealed class NewModel(ProjectStore store, CurrentMember current, MapService maps, RequestLanguage language) : SavePage(store, current, language)
{
    /// <summary>The map to save (on the page a GET shows); null after a post, whose outcome the page shows instead.</summary>
    public ImpactMap? Map { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        State = ProjectState.From(Request.Query);
        if (!State.Values.Any())
        {
            return Redirect("/stap-1");
        }
        Map = maps.Compute(State.ToRequest()).Map;
        if (Map is null)
        {
            // The map page says what is missing and leads back into the steps.
            return Redirect(State.Url("/kaart"));
        }
        // A map opened from a saved project becomes a new version of it, but only of a project of this organisation.
        if (Guid.TryParse(State[ProjectState.ProjectKey], out var projectId))
        {
            var member = await Members.RequireAsync(HttpContext.RequestAborted);
            if (await Store.FindAsync(member.OrganisationId, projectId, HttpContext.RequestAborted) is null)
            {
                State[ProjectState.ProjectKey] = null;
                State[ProjectState.RevisionKey] = null;
            }
        }
        return Page();
    }

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
