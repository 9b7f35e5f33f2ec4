using Impactkaart.Engine;
using Impactkaart.Engine.Model;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.WebUtilities;

namespace Impactkaart.Web.Features.Wizard;

/// <summary>
/// Another reference project chosen in step 1: what still applies of the answers and measured outcomes is kept,
/// the rest is emptied and named once, on the next page. An answer still applies when the new reference project asks
/// the same question (same key; the model's shared questions, such as the intensity, are asked by several) and the
/// answer is one of its options. A measured outcome still applies when the new reference project has the same
/// outcome (same key, and in the model the same unit): the user measured it in their own project, whatever it is
/// compared with.
/// </summary>
public sealed record ReferenceChange(ReferenceProject Before, IReadOnlyList<string> Emptied)
{
    /// <summary>The address keys that carry the change to the next page: the earlier reference project and the emptied keys.</summary>
    public const string BeforeKey = "ander-ref";
    public const string EmptiedKey = "leeggemaakt";

    private static readonly Text EmptiedText = new("U koos een ander referentieproject. Deze antwoorden golden alleen voor {0} en zijn leeggemaakt: {1}.",
        "You chose another reference project. These answers applied only to {0} and have been emptied: {1}.");

    /// <summary>
    /// The posted state with what does not apply to <paramref name="after"/> taken out, and the change to say when
    /// something named was taken out. Without a known new reference project nothing is taken out yet: step 1 shows
    /// its message and the user chooses again.
    /// </summary>
    public static (ProjectState State, ReferenceChange? Change) Apply(ProjectState posted, ReferenceProject? before, ReferenceProject? after)
    {
        ArgumentNullException.ThrowIfNull(posted);
        if (after is null)
        {
            return (posted, null);
        }
        var dropped = posted.Values.Select(v => v.Key).Where(key => IsProjectSpecific(key) && !Applies(key, posted[key], after)).ToList();
        var state = posted.With(new ProjectState(), dropped.Contains);
        // Only what the earlier reference project asked is named; anything else was never a valid answer.
        var named = before is null ? [] : dropped.Where(key => NameOf(before, key) is not null).ToList();
        return (state, named.Count == 0 ? null : new ReferenceChange(before!, named));
    }

    /// <summary>The address of <paramref name="url"/> with this change added, for the next page to say.</summary>
    public string AddTo(string url) =>
        QueryHelpers.AddQueryString(url, new Dictionary<string, string?> { [BeforeKey] = Before.Id, [EmptiedKey] = string.Join(",", Emptied) });

    /// <summary>The change an address carries, or null when it carries none (or one that names nothing known).</summary>
    public static ReferenceChange? From(IQueryCollection query, ImpactModel model)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(model);
        if (model.FindReferenceProject(query[BeforeKey].ToString()) is not { } before)
        {
            return null;
        }
        var emptied = query[EmptiedKey].ToString().Split(',').Where(key => NameOf(before, key) is not null).Distinct(StringComparer.Ordinal).ToList();
        return emptied.Count == 0 ? null : new ReferenceChange(before, emptied);
    }

    /// <summary>The notice: which answers were emptied, by the words the user saw in step 3.</summary>
    public string Message(RequestLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        var names = Emptied.Select(key => "‘" + lang[NameOf(Before, key)!] + "’");
        return lang.Format(EmptiedText, lang[Before.Label], string.Join("; ", names));
    }

    private static bool IsProjectSpecific(string key) =>
        key.StartsWith(ProjectState.AnswerPrefix, StringComparison.Ordinal) || key.StartsWith(ProjectState.MeasuredPrefix, StringComparison.Ordinal);

    private static bool Applies(string key, string? value, ReferenceProject project)
    {
        if (key.StartsWith(ProjectState.AnswerPrefix, StringComparison.Ordinal))
        {
            var question = project.Questions.FirstOrDefault(q => q.Id == key[ProjectState.AnswerPrefix.Length..]);
            return question is not null && question.Options.Any(o => o.Id == value?.Trim());
        }
        var outcome = project.Outcomes.FirstOrDefault(o => o.Id == key[ProjectState.MeasuredPrefix.Length..]);
        return outcome is not null;
    }

    /// <summary>The words of a question or measured outcome of the project, as step 3 shows them; null when it has none by that key.</summary>
    private static Text? NameOf(ReferenceProject project, string key)
    {
        if (key.StartsWith(ProjectState.AnswerPrefix, StringComparison.Ordinal))
        {
            return project.Questions.FirstOrDefault(q => q.Id == key[ProjectState.AnswerPrefix.Length..])?.Label;
        }
        if (key.StartsWith(ProjectState.MeasuredPrefix, StringComparison.Ordinal))
        {
            return project.Outcomes.FirstOrDefault(o => o.Id == key[ProjectState.MeasuredPrefix.Length..])?.Label;
        }
        return null;
    }
}
