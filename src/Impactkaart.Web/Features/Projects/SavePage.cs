using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Projects;

/// <summary>
/// The two ways of saving a map (a new project, a new version) and what the user sees when a save does not go
/// through: the messages, and their input kept in a form that saves it again with one click.
/// </summary>
public abstract class SavePage(ProjectStore store, CurrentMember current, RequestLanguage language) : ProjectPage(store, current, language)
{
    /// <summary>The posted map, as the user had it.</summary>
    public ProjectState State { get; protected set; } = new();

    public SaveResult? Result { get; private set; }

    /// <summary>The member who is saving (for "you yourself saved it in another window").</summary>
    public Guid MemberId { get; private set; }

    /// <summary>Where the "save again" form posts: a new project, or a new version of the project.</summary>
    public string RetryAction => Project is { } p ? $"/projecten/{p.Id}/opslaan" : "/projecten/nieuw";

    /// <summary>The user's map with their input; from a conflict on, based on the newest revision.</summary>
    public ProjectState RetryState
    {
        get
        {
            var state = State.With(new ProjectState(), _ => false);
            if (Project is { } project)
            {
                state[ProjectState.ProjectKey] = project.Id.ToString();
                state[ProjectState.RevisionKey] = project.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return state;
        }
    }

    protected IActionResult Show(SaveResult result, Guid memberId)
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
        MemberId = memberId;
        Project = result.Project ?? Project;
        switch (result.Outcome)
        {
            case SaveOutcome.Saved:
                return Redirect($"/projecten/{result.Project!.Id}");
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.Invalid:
                foreach (var error in result.FieldErrors)
                {
                    var step = ProjectState.StepOf(error.Field);
                    OtherErrors.Add((State.Url($"/stap-{step}"), error.Message[Lang.Language]));
                }
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            case SaveOutcome.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                // Full disk: nothing was written; the user keeps their input and can try again later.
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return Page();
        }
    }
}
