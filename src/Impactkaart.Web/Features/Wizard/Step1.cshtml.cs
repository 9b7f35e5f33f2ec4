using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Wizard;

/// <summary>Step 1: the type of project (theme and reference project), its name, start and duration, and the phase.</summary>
public sealed class Step1Model(MapService maps, RequestLanguage language) : FormPage(maps, language)
{
    private static readonly HashSet<int> ThisStep = [1];

    public void OnGet() => State = ProjectState.From(Request.Query);

    public IActionResult OnPost()
    {
        var posted = PostedState();
        var before = Request.Form["vorige-ref"].ToString();
        State = posted;
        if (posted["ref"] != before && before.Length > 0)
        {
            // Answers and measured outcomes belong to one reference project: a new choice starts them afresh.
            State = posted.With(new ProjectState(), key => key.StartsWith(ProjectState.AnswerPrefix, StringComparison.Ordinal) || key.StartsWith(ProjectState.MeasuredPrefix, StringComparison.Ordinal));
        }
        CollectErrors(ThisStep);
        OtherErrors.Clear();
        return Errors.Count > 0 ? Page() : Redirect(State.Url("/stap-2"));
    }
}
