using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Wizard;

/// <summary>Step 1: the type of project (theme and reference project), its name, start and duration, and the phase.</summary>
[RequestSizeLimit(MaxFormBytes)]
public sealed class Step1Model(MapService maps, RequestLanguage language) : FormPage(maps, language)
{
    private static readonly HashSet<int> ThisStep = [1];

    /// <summary>Answers emptied because another reference project was chosen; said when the page comes back with a message.</summary>
    public ReferenceChange? Change { get; private set; }

    public void OnGet() => State = ProjectState.From(Request.Query);

    public IActionResult OnPost()
    {
        var posted = PostedState();
        var before = Request.Form["vorige-ref"].ToString();
        State = posted;
        if (posted["ref"] != before && before.Length > 0)
        {
            // Answers and measured outcomes belong to a reference project: keep what the new one asks too, empty the rest.
            (State, Change) = ReferenceChange.Apply(posted, Maps.Model.FindReferenceProject(before), Project);
        }
        CollectErrors(ThisStep);
        OtherErrors.Clear();
        if (Errors.Count > 0)
        {
            return Page();
        }
        var next = State.Url("/stap-2");
        return Redirect(Change is null ? next : Change.AddTo(next));
    }
}
