using System.Text;
using Impactkaart.Engine.Calculation;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Impactkaart.Web.Features.Shared;

/// <summary>
/// Everything a user has entered, as text, carried in the address (query string) and in hidden form fields from
/// step to step. Nothing lives on the server, so no value is lost on a validation error, on going back, on a
/// reload or on another app instance, and a map's address is its own bookmark.
/// Keys are short Dutch words; answers are "a.{question}" and measured outcomes "m.{outcome}".
/// </summary>
public sealed class ProjectState
{
    public const string AnswerPrefix = "a.";
    public const string MeasuredPrefix = "m.";
    private const int MaxValueLength = 1_000;

    /// <summary>Form and query keys, and the field names the engine uses for them in its messages.</summary>
    public static readonly IReadOnlyList<(string Key, string Field)> Fields =
    [
        ("ref", "referenceProject"), ("naam", "name"), ("start", "start"), ("maanden", "months"), ("fase", "phase"),
        ("deelnemers", "participants"), ("kosten", "cost"), ("personeel", "costs.staff"), ("uren", "costs.staffHours"),
        ("uurtarief", "costs.staffRate"), ("vrijwilligers", "costs.volunteers"), ("materiaal", "costs.material"),
        ("overhead", "costs.overhead"), ("eigenuren", "ownHours"),
    ];

    /// <summary>
    /// Keys the wizard and the map carry along but the engine ignores: the saved project a map was opened from and
    /// the revision it was based on, so saving it again becomes a new version of that project (see Features/Projects).
    /// </summary>
    public const string ProjectKey = "project";
    public const string RevisionKey = "revisie";

    public static readonly IReadOnlySet<string> Step1Keys = new HashSet<string>(StringComparer.Ordinal) { "ref", "naam", "start", "maanden", "fase" };
    public static readonly IReadOnlySet<string> Step2Keys = new HashSet<string>(StringComparer.Ordinal)
        { "deelnemers", "kosten", "personeel", "uren", "uurtarief", "vrijwilligers", "materiaal", "overhead", "eigenuren" };

    private readonly SortedDictionary<string, string> values = new(StringComparer.Ordinal);

    public string? this[string key]
    {
        get => values.GetValueOrDefault(key);
        set
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                values.Remove(key);
            }
            else
            {
                // A value longer than any field allows is cut here, so a crafted address cannot grow the page.
                values[key] = value.Length > MaxValueLength ? value[..MaxValueLength] : value;
            }
        }
    }

    public IEnumerable<KeyValuePair<string, string>> Values => values;

    public static ProjectState From(IEnumerable<KeyValuePair<string, StringValues>> source)
    {
        var state = new ProjectState();
        foreach (var (key, value) in source)
        {
            if (IsStateKey(key))
            {
                state[key] = value.ToString();
            }
        }
        return state;
    }

    public static bool IsStateKey(string key) =>
        Fields.Any(f => f.Key == key) || key is ProjectKey or RevisionKey || IsPrefixed(key, AnswerPrefix) || IsPrefixed(key, MeasuredPrefix);

    private static bool IsPrefixed(string key, string prefix) =>
        key.Length > prefix.Length && key.Length <= 80 && key.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>A copy with the keys of <paramref name="keys"/> taken from <paramref name="form"/> (blank ones removed).</summary>
    public ProjectState With(ProjectState form, Func<string, bool> keys)
    {
        var copy = new ProjectState();
        foreach (var (key, value) in values.Where(v => !keys(v.Key)))
        {
            copy[key] = value;
        }
        foreach (var (key, value) in form.values.Where(v => keys(v.Key)))
        {
            copy[key] = value;
        }
        return copy;
    }

    /// <summary>The address of <paramref name="path"/> with this state in its query string.</summary>
    public string Url(string path) =>
        QueryHelpers.AddQueryString(path, values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));

    /// <summary>A stable key for caching the map of this state.</summary>
    public string CacheKey()
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in values)
        {
            builder.Append(key).Append('\u001f').Append(value).Append('\u001e');
        }
        return builder.ToString();
    }

    public ProjectRequest ToRequest()
    {
        var request = new ProjectRequest
        {
            ReferenceProject = this["ref"],
            Name = this["naam"],
            Start = this["start"],
            Months = this["maanden"],
            Phase = this["fase"],
            Participants = this["deelnemers"],
            Cost = this["kosten"],
            StaffCost = this["personeel"],
            StaffHours = this["uren"],
            StaffRate = this["uurtarief"],
            VolunteerCost = this["vrijwilligers"],
            MaterialCost = this["materiaal"],
            OverheadCost = this["overhead"],
            OwnHours = this["eigenuren"],
        };
        foreach (var (key, value) in values)
        {
            if (key.StartsWith(AnswerPrefix, StringComparison.Ordinal))
            {
                request.Answers[key[AnswerPrefix.Length..]] = value;
            }
            else if (key.StartsWith(MeasuredPrefix, StringComparison.Ordinal))
            {
                request.Measured[key[MeasuredPrefix.Length..]] = value;
            }
        }
        return request;
    }

    public static ProjectState FromRequest(ProjectRequest request)
    {
        var state = new ProjectState
        {
            ["ref"] = request.ReferenceProject,
            ["naam"] = request.Name,
            ["start"] = request.Start,
            ["maanden"] = request.Months,
            ["fase"] = request.Phase,
            ["deelnemers"] = request.Participants,
            ["kosten"] = request.Cost,
            ["personeel"] = request.StaffCost,
            ["uren"] = request.StaffHours,
            ["uurtarief"] = request.StaffRate,
            ["vrijwilligers"] = request.VolunteerCost,
            ["materiaal"] = request.MaterialCost,
            ["overhead"] = request.OverheadCost,
            ["eigenuren"] = request.OwnHours,
        };
        foreach (var (question, option) in request.Answers)
        {
            state[AnswerPrefix + question] = option;
        }
        foreach (var (outcome, value) in request.Measured)
        {
            state[MeasuredPrefix + outcome] = value;
        }
        return state;
    }

    /// <summary>The form key for an engine field name ("answers.x" becomes "a.x").</summary>
    public static string KeyFor(string field)
    {
        if (field.StartsWith("answers.", StringComparison.Ordinal))
        {
            return AnswerPrefix + field["answers.".Length..];
        }
        if (field.StartsWith("measured.", StringComparison.Ordinal))
        {
            return MeasuredPrefix + field["measured.".Length..];
        }
        return Fields.FirstOrDefault(f => f.Field == field).Key ?? field;
    }

    /// <summary>The wizard step (1 to 3) where the field of an engine message is entered.</summary>
    public static int StepOf(string field)
    {
        var key = KeyFor(field);
        return Step1Keys.Contains(key) || field is "modelVersion" ? 1 : Step2Keys.Contains(key) ? 2 : 3;
    }
}
