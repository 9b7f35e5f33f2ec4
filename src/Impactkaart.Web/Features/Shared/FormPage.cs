using Impactkaart.Engine.Calculation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Impactkaart.Web.Features.Shared;

/// <summary>A page with a project state and field messages, shared by the wizard steps and the map's "what if".</summary>
public abstract class FormPage(MapService maps, RequestLanguage language) : PageModel, IFieldErrors
{
    protected MapService Maps => maps;

    public RequestLanguage Lang => language;

    public ProjectState State { get; protected set; } = new();

    /// <summary>Messages per form key, in the page's language, in the order the fields appear.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Messages about fields of other steps: a link to the step, and the message.</summary>
    public List<(string Url, string Message)> OtherErrors { get; } = [];

    public string? Value(string key) => State[key];

    /// <summary>The chosen reference project, or null when none (or an unknown one) is chosen yet.</summary>
    public Impactkaart.Engine.Model.ReferenceProject? Project => State[ProjectFields.ReferenceProject] is { } id ? Maps.Model.FindReferenceProject(id) : null;

    /// <summary>A later step shows its page once a reference project is chosen; before that it sends the user to step 1.</summary>
    protected IActionResult ShowStepOrStartOver()
    {
        State = ProjectState.From(Request.Query);
        return Project is null ? Redirect(State.Url("/stap-1")) : Page();
    }

    public string? ErrorFor(string key) => Errors.GetValueOrDefault(key);

    /// <summary>Validates the whole project and keeps the messages that belong to the given steps.</summary>
    protected void CollectErrors(IReadOnlySet<int> steps)
    {
        foreach (var error in Maps.Validate(State.ToRequest()).Errors)
        {
            AddError(error, steps);
        }
    }

    protected void AddErrors(IEnumerable<FieldError> errors, IReadOnlySet<int> steps)
    {
        foreach (var error in errors)
        {
            AddError(error, steps);
        }
    }

    private void AddError(FieldError error, IReadOnlySet<int> steps)
    {
        var step = ProjectState.StepOf(error.Field);
        var message = error.Message[Lang.Language];
        if (steps.Contains(step))
        {
            var key = ProjectState.KeyFor(error.Field);
            Errors[key] = Errors.TryGetValue(key, out var earlier) ? earlier + " " + message : message;
        }
        else
        {
            OtherErrors.Add((State.Url($"/stap-{step}"), message));
        }
    }

    /// <summary>The posted form as a state, with the fields of the other steps from its hidden inputs.</summary>
    protected ProjectState PostedState() => ProjectState.From(Request.Form);

    protected bool GoingBack => Request.Form["actie"] == "terug";
}
