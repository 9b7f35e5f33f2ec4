using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Reports;

namespace Impactkaart.Web.Features.Projects;

/// <summary>
/// What changed between two versions of the same phase, in plain Dutch, one line per change ("Deelnemers: 80 → 65").
/// Stored with the version as written then, so the history reads the same after the model changes. (Dutch only:
/// the history is a record, like the audit log; English pages show it as stored.)
/// </summary>
public static class ProjectChanges
{
    public const string FirstVersion = "Eerste versie";
    public const string NoChanges = "Geen wijzigingen in de invoer";

    private static readonly Formats Nl = new(Language.Nl);

    /// <summary>The summary of a first plan or first evaluation; an evaluation says how it differs from the plan.</summary>
    public static string FirstOfPhase(Phase phase, ProjectInput? plan, ProjectInput after)
    {
        if (phase != Phase.Evaluation)
        {
            return FirstVersion;
        }
        if (plan is null)
        {
            return "Eerste evaluatie";
        }
        var lines = Lines(plan, after).Where(l => !l.StartsWith("Fase:", StringComparison.Ordinal)).ToList();
        return lines.Count == 0 ? "Eerste evaluatie, gelijk aan het plan" : "Eerste evaluatie. Anders dan het plan:\n" + string.Join('\n', lines);
    }

    /// <summary>One line per change; "Geen wijzigingen in de invoer" when nothing changed, a general line when the earlier input no longer validates.</summary>
    public static string Describe(ProjectInput? before, ProjectInput after)
    {
        if (before is null)
        {
            return "Invoer gewijzigd (de vorige versie is met het huidige model niet meer te vergelijken)";
        }
        var lines = Lines(before, after);
        return lines.Count == 0 ? NoChanges : string.Join('\n', lines);
    }

    public static List<string> Lines(ProjectInput before, ProjectInput after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var lines = new List<string>();
        void Line(string label, string? a, string? b)
        {
            if (a != b)
            {
                lines.Add($"{label}: {a ?? "(leeg)"} → {b ?? "(leeg)"}");
            }
        }
        Line("Naam", Quoted(before.Name), Quoted(after.Name));
        Line("Referentieproject", before.ReferenceProject.Label.Nl, after.ReferenceProject.Label.Nl);
        Line("Fase", Nl.Phase(before.Phase), Nl.Phase(after.Phase));
        Line("Start", before.Start?.ToString("d", Nl.Culture), after.Start?.ToString("d", Nl.Culture));
        Line("Looptijd", Nl.Count(before.Months, Nouns.Month), Nl.Count(after.Months, Nouns.Month));
        Line("Deelnemers", Nl.Number(before.Participants, 0), Nl.Number(after.Participants, 0));
        Line("Kosten", Nl.Amount(before.Costs.Total.Euros), Nl.Amount(after.Costs.Total.Euros));
        Line("Eigen uren", before.OwnHours is { } h1 ? Nl.Number(h1.Value, 0) : null, after.OwnHours is { } h2 ? Nl.Number(h2.Value, 0) : null);
        Line("Discontovoet", Nl.Percent(before.DiscountRate.Value, 1), Nl.Percent(after.DiscountRate.Value, 1));
        if (before.ReferenceProject.Id == after.ReferenceProject.Id)
        {
            foreach (var question in after.ReferenceProject.Questions)
            {
                var a = before.AnswerTo(question);
                var b = after.AnswerTo(question);
                if (a.Id != b.Id)
                {
                    lines.Add($"Antwoord '{ShortLabel(question)}': {a.Label.Nl} → {b.Label.Nl}");
                }
            }
        }
        lines.AddRange(MeasuredLines(after.ReferenceProject, before.Measured, after.Measured));
        return lines;
    }

    private static IEnumerable<string> MeasuredLines(ReferenceProject project, IReadOnlyDictionary<string, decimal> before, IReadOnlyDictionary<string, decimal> after)
    {
        foreach (var outcome in project.Outcomes)
        {
            var had = before.TryGetValue(outcome.Id, out var a);
            var has = after.TryGetValue(outcome.Id, out var b);
            if (!had && has)
            {
                yield return $"Gemeten effect toegevoegd: {outcome.Label.Nl} {Nl.Count(b, outcome.Unit)}";
            }
            else if (had && !has)
            {
                yield return $"Gemeten effect verwijderd: {outcome.Label.Nl} (weer de aanname van het model)";
            }
            else if (had && a != b)
            {
                yield return $"Gemeten effect '{outcome.Label.Nl}': {Nl.Count(a, outcome.Unit)} → {Nl.Count(b, outcome.Unit)}";
            }
        }
    }

    /// <summary>Questions are long sentences; the history names them by their id in words ("duur-begeleiding" as "Duur begeleiding").</summary>
    public static string ShortLabel(Question question)
    {
        var words = question.Id.Replace('-', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static string? Quoted(string? text) => text is null ? null : "'" + text + "'";
}
