using Impactkaart.Engine.Calculation;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Impactkaart.Web.Features.Shared;

/// <summary>
/// Everything a user has entered, as text, carried in the address (query string) and in hidden form fields from
/// step to step. Nothing lives on the server, so no value is lost on a validation error, on going back, on a
/// reload or on another app instance, and a map's address is its own bookmark.
/// Keys are short Dutch words, from <see cref="ProjectFields"/>; answers are "a.{question}" and measured outcomes "m.{outcome}".
/// </summary>
public sealed class ProjectState
{
    public static readonly string AnswerPrefix = ProjectFields.Answers.FormKey!;
    public static readonly string MeasuredPrefix = ProjectFields.Measured.FormKey!;
    /// <summary>The most characters any value keeps; a name keeps fewer (<see cref="MaxLengthOf"/>).</summary>
    public const int MaxValueLength = 1_000;

    /// <summary>The fields the forms and addresses carry (draws, seed and the file's model version they do not).</summary>
    public static readonly IReadOnlyList<ProjectField> Fields = ProjectFields.All.Where(f => f.FormKey is not null).ToList();

    /// <summary>
    /// Keys the wizard and the map carry along but the engine ignores: the saved project a map was opened from and
    /// the revision it was based on, so saving it again becomes a new version of that project (see Features/Projects).
    /// </summary>
    public const string ProjectKey = "project";
    public const string RevisionKey = "revisie";

    public static readonly IReadOnlySet<string> Step1Keys = KeysOfStep(1);
    public static readonly IReadOnlySet<string> Step2Keys = KeysOfStep(2);

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
                values[key] = Cut(value, MaxValueLength);
            }
        }
    }

    /// <summary>
    /// The most characters a number or a date keeps: "€ 1.000.000.000,00" is 18. Short, because the state travels in
    /// the address, and a form full of long values would make an address longer than a server reads (8 kB).
    /// </summary>
    public const int MaxNumberLength = 40;

    /// <summary>The most characters a posted value of the field keeps: the name's own limit, a number's or date's, else <see cref="MaxValueLength"/>.</summary>
    public static int MaxLengthOf(ProjectField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field == ProjectFields.Name ? ProjectRequestValidator.MaxNameLength
            : field.TakesNumbers || field.Kind == FieldKind.Date ? MaxNumberLength
            : MaxValueLength;
    }

    /// <summary>The first <paramref name="max"/> characters at most, never half of a character that takes two.</summary>
    public static string Cut(string value, int max)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= max)
        {
            return value;
        }
        return char.IsHighSurrogate(value[max - 1]) ? value[..(max - 1)] : value[..max];
    }

    /// <summary>The value of a field that is no list.</summary>
    public string? this[ProjectField field]
    {
        get => this[Key(field)];
        set => this[Key(field)] = value;
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
        key is ProjectKey or RevisionKey || Fields.Any(f => f.IsList ? IsPrefixed(key, f.FormKey!) : f.FormKey == key);

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

    public ProjectRequest ToRequest()
    {
        var request = new ProjectRequest();
        foreach (var (key, value) in values)
        {
            if (FieldOfKey(key) is not { } field)
            {
                continue;
            }
            if (field.IsList)
            {
                request.ListOf(field)[key[field.FormKey!.Length..]] = value;
            }
            else
            {
                request[field] = value;
            }
        }
        return request;
    }

    public static ProjectState FromRequest(ProjectRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var state = new ProjectState();
        foreach (var field in Fields)
        {
            if (field.IsList)
            {
                foreach (var (id, value) in request.ListOf(field))
                {
                    state[field.FormKey + id] = value;
                }
            }
            else
            {
                state[field] = request[field];
            }
        }
        return state;
    }

    /// <summary>The field a form key holds ("a.x" is an answer), or null for the keys that are no project field.</summary>
    public static ProjectField? FieldOfKey(string key) =>
        Fields.FirstOrDefault(f => f.IsList ? IsPrefixed(key, f.FormKey!) : f.FormKey == key);

    /// <summary>The engine's name for the field of a form key ("a.x" becomes "answers.x"); other keys stay as they are.</summary>
    public static string FieldNameOf(string key) =>
        FieldOfKey(key) is { } field ? (field.IsList ? field.Json + "." + key[field.FormKey!.Length..] : field.Json) : key;

    /// <summary>The form key for an engine field name ("answers.x" becomes "a.x").</summary>
    public static string KeyFor(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return ProjectFields.Of(field) switch
        {
            { IsList: true, FormKey: { } prefix } list when field.Length > list.Json.Length => prefix + field[(list.Json.Length + 1)..],
            { IsList: false, FormKey: { } key } => key,
            _ => field,
        };
    }

    /// <summary>The wizard step (1 to 3) where the field of an engine message is entered.</summary>
    public static int StepOf(string field) => ProjectFields.Of(field)?.Step ?? 3;

    private static string Key(ProjectField field) =>
        field is { FormKey: { } key, IsList: false } ? key : throw new ArgumentException($"{field.Json} has no single form key.", nameof(field));

    private static HashSet<string> KeysOfStep(int step) =>
        Fields.Where(f => f.Step == step && !f.IsList).Select(f => f.FormKey!).ToHashSet(StringComparer.Ordinal);
}
