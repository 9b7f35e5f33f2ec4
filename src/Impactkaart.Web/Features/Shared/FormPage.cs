using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Impactkaart.Web.Features.Shared;

/// <summary>A page with a project state and field messages, shared by the wizard steps and the map's "what if".</summary>
public abstract class FormPage(MapService maps, RequestLanguage language) : PageModel, IFieldErrors
{
    /// <summary>
    /// The largest form a step or the map takes (4 MB, the framework's limit for one form value), above the site's
    /// 1 MB: a name pasted a megabyte long comes back cut with a message next to it, not as an error page.
    /// </summary>
    public const long MaxFormBytes = 4 * 1024 * 1024;

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
        foreach (var error in CutValues.Concat(Maps.Validate(State.ToRequest()).Errors))
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

    private static readonly Text TooLongText = new("{0}: u gaf {1:N0} tekens; er passen er {2:N0}. In het veld staan nu de eerste {2:N0}: kijk of het zo goed is.",
        "{0}: you gave {1:N0} characters; {2:N0} fit. The field now holds the first {2:N0}: check whether that is right.");

    /// <summary>Posted values longer than their field allows, as messages: the state holds them cut to the limit.</summary>
    protected List<FieldError> CutValues { get; } = [];

    /// <summary>
    /// The posted form as a state, with the fields of the other steps from its hidden inputs. A value longer than its
    /// field allows is kept cut to the limit, and said (<see cref="CutValues"/>), so the user sees how long it was.
    /// </summary>
    protected ProjectState PostedState()
    {
        var state = ProjectState.From(Request.Form);
        foreach (var (key, values) in Request.Form)
        {
            var text = values.ToString();
            if (ProjectState.FieldOfKey(key) is not { } field || text.Length <= ProjectState.MaxLengthOf(field))
            {
                continue;
            }
            var max = ProjectState.MaxLengthOf(field);
            state[key] = ProjectState.Cut(text, max);
            CutValues.Add(new FieldError(ProjectState.FieldNameOf(key), new Text(TooLong(Language.Nl, field, text.Length, max), TooLong(Language.En, field, text.Length, max))));
        }
        return state;
    }

    private static string TooLong(Language language, ProjectField field, int length, int max)
    {
        var label = field.Label[language];
        return new Impactkaart.Reports.Formats(language).Format(TooLongText, char.ToUpperInvariant(label[0]) + label[1..], length, max);
    }

    protected bool GoingBack => Request.Form["actie"] == "terug";
}
