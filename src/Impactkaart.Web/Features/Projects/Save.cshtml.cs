using System.Globalization;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Projects;

/// <summary>
/// Saves a new version of a project: the posted map (opened from the project, so it carries the revision it was
/// based on), or, with "herberekenen", a stored version recalculated with the running model.
/// </summary>
public sealed class SaveModel(ProjectStore store, CurrentMember current, RequestLanguage language) : SavePage(store, current, language)
{
    /// <summary>
    /// A GET has nothing to save: back to the project (when it is one of the member's organisation; else "not
    /// found", as for every id of another organisation).
    /// </summary>
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var member = await Members.RequireAsync(HttpContext.RequestAborted);
        return await Store.FindAsync(member.OrganisationId, id, HttpContext.RequestAborted) is null
            ? NotFound()
            : Redirect($"/projecten/{id}");
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var member = await Members.RequireAsync(HttpContext.RequestAborted);
        Project = await Store.FindAsync(member.OrganisationId, id, HttpContext.RequestAborted);
        if (Project is null)
        {
            return NotFound();
        }
        State = ProjectState.From(Request.Form);
        if (!int.TryParse(State[ProjectState.RevisionKey], NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
        {
            // Without the revision it was based on, a save could overwrite someone's work unseen: treat it as based on the oldest.
            revision = -1;
        }
        var request = State.ToRequest();
        string? changes = null;
        if (int.TryParse(Request.Form["herberekenen"], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            var versions = await Store.VersionsAsync(member.OrganisationId, id, HttpContext.RequestAborted);
            if (versions.FirstOrDefault(v => v.Number == number) is not { } version || ProjectStore.ReadRequest(version.Input) is not { } stored)
            {
                return NotFound();
            }
            request = stored;
            State = StateOf(version);
            State[ProjectState.RevisionKey] = revision.ToString(CultureInfo.InvariantCulture);
            changes = $"Herberekend met model {Store.Model.Version} (was {version.ModelVersion})";
        }
        var result = await Store.SaveVersionAsync(member, id, revision, request, changes, HttpContext.RequestAborted);
        return Show(result, member.Id);
    }
}
