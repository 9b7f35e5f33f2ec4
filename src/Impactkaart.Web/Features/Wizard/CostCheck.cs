using System.Globalization;
using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Web.Features.Shared;

namespace Impactkaart.Web.Features.Wizard;

/// <summary>
/// The cost per participant against the reference project's typical range. Step 2 shows it as the user types
/// (wwwroot/js/cost-check.js) and step 3 warns at its top when it is unusual, for browsers without JavaScript.
/// A warning, never an error: an unusual project may be real, but "90" typed for ninety thousand should be noticed.
/// "Unusual" is the model's own limit (<see cref="IntensityRule.WarnBelow"/> and <see cref="IntensityRule.WarnAbove"/>,
/// model.json), where the map warns too. The wording lives here only: the server fills it in for step 3 and renders
/// it, with the limits, into data attributes of step 2's form for the script (<see cref="ForScript"/>).
/// </summary>
public sealed record CostCheck(ReferenceProject Project, decimal PerParticipant, bool IsUnusual, decimal? Suggested)
{
    /// <summary>Typed in euros where thousands were meant: the total times this is suggested when that is typical.</summary>
    public const decimal Thousand = 1000m;

    private static readonly Text PerParticipantText = new("Dat is {0} per deelnemer.", "That is {0} per participant.");
    private static readonly Text UnusualText = new("Voor {0} is een bedrag {1} per deelnemer gebruikelijk. Klopt het bedrag?", "For {0}, an amount {1} per participant is usual. Is the amount right?");
    private static readonly Text SuggestionText = new("Bedoelt u misschien {0}?", "Did you perhaps mean {0}?");

    /// <summary>The check of a state whose reach and costs the engine accepts; null while they are missing or not valid.</summary>
    public static CostCheck? Of(MapService maps, ProjectState state)
    {
        var validated = maps.Validate(state.ToRequest());
        if (validated.Value is not { } input)
        {
            return null;
        }
        // A suggestion only makes sense for the one number the user typed: the total, not a sum of categories.
        var typedTotal = state["kosten"] is not null;
        return Of(maps.Model.Intensity, input.ReferenceProject, input.Participants, input.Costs.Total.Euros, typedTotal);
    }

    public static CostCheck Of(IntensityRule rule, ReferenceProject project, int participants, decimal total, bool typedTotal)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(project);
        var (below, above) = Limits(rule, project);
        var range = project.TypicalCostPerParticipant;
        var per = total / participants;
        var unusual = per < below || per > above;
        var suggested = typedTotal && unusual && per * Thousand >= range.Low && per * Thousand <= range.High ? total * Thousand : (decimal?)null;
        return new CostCheck(project, per, unusual, suggested);
    }

    /// <summary>What step 2 says under the costs: the cost per participant, and the warning when it is unusual.</summary>
    public string Message(RequestLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        var text = lang.Format(PerParticipantText, lang.Formats.Amount(PerParticipant));
        if (IsUnusual)
        {
            text += " " + Unusual(lang);
        }
        if (Suggested is { } suggested)
        {
            text += " " + lang.Format(SuggestionText, Amount(lang, suggested));
        }
        return text;
    }

    /// <summary>The numbers (invariant text) and texts step 2's script needs, rendered as data attributes of its form.</summary>
    public sealed record ScriptData(string UsualLow, string UsualHigh, string UnusualBelow, string UnusualAbove, string Thousand,
        string PerParticipantText, string UnusualText, string SuggestionText);

    public static ScriptData ForScript(IntensityRule rule, ReferenceProject project, RequestLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(lang);
        var (below, above) = Limits(rule, project);
        var range = project.TypicalCostPerParticipant;
        return new ScriptData(NumberText.Write(range.Low), NumberText.Write(range.High), NumberText.Write(below), NumberText.Write(above),
            NumberText.Write(Thousand), lang[PerParticipantText], Unusual(project, lang), lang[SuggestionText]);
    }

    /// <summary>Below and above these costs per participant the model calls a project unusual (budget coaching: 400 and 3,000).</summary>
    private static (decimal Below, decimal Above) Limits(IntensityRule rule, ReferenceProject project) =>
        (project.TypicalCostPerParticipant.Low * rule.WarnBelow, project.TypicalCostPerParticipant.High * rule.WarnAbove);

    private string Unusual(RequestLanguage lang) => Unusual(Project, lang);

    private static string Unusual(ReferenceProject project, RequestLanguage lang)
    {
        var range = project.TypicalCostPerParticipant;
        return lang.Format(UnusualText, lang[project.Label], lang.Formats.AmountRange(range.Low, range.High));
    }

    /// <summary>An amount as the user would type it: "90.000" in Dutch; "90000" in English, where "90,000" would be unclear.</summary>
    private static string Amount(RequestLanguage lang, decimal value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return lang.IsEnglish ? NumberText.Write(rounded) : rounded.ToString("#,0.##", CultureInfo.GetCultureInfo("nl-NL"));
    }
}
