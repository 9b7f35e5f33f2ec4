using System.Globalization;
using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;

namespace Impactkaart.Reports;

/// <summary>
/// Numbers, money and labels in the reader's language: nl-NL ("€ 1.234,56") or en-GB ("€1,234.56"). One class for
/// the CLI, the web app and the reports, so a figure reads the same wherever it is shown.
/// </summary>
public sealed class Formats
{
    public Formats(Language language)
    {
        Language = language;
        Culture = CultureInfo.GetCultureInfo(language == Language.En ? "en-GB" : "nl-NL");
    }

    public Language Language { get; }

    public CultureInfo Culture { get; }

    /// <summary>The text in the reader's language.</summary>
    public string this[Text text]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(text);
            return text[Language];
        }
    }

    /// <summary>A localised text with placeholders filled in the reader's culture.</summary>
    public string Format(Text text, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Format(Culture, text[Language], args);
    }

    /// <summary>Euros with cents, rounded half away from zero: "€ 1.234,56" or "€1,234.56"; "-0,00" never appears.</summary>
    public string Money(decimal euros)
    {
        var amount = Math.Round(Math.Abs(euros), 2, MidpointRounding.AwayFromZero).ToString("#,0.00", Culture);
        var negative = euros < 0m && amount != Zero2;
        return Language == Language.En
            ? (negative ? "-€" : "€") + amount
            : "€ " + (negative ? "-" : "") + amount;
    }

    /// <summary>Whole euros, rounded half away from zero, for large amounts in narrow places.</summary>
    public string MoneyWhole(decimal euros)
    {
        var rounded = Math.Round(euros, 0, MidpointRounding.AwayFromZero);
        var amount = Math.Abs(rounded).ToString("#,0", Culture);
        var negative = rounded < 0m;
        return Language == Language.En
            ? (negative ? "-€" : "€") + amount
            : "€ " + (negative ? "-" : "") + amount;
    }

    /// <summary>
    /// An amount as a reader expects it: whole euros from € 1.000 up and whenever there are no cents ("€ 90.000",
    /// "€ 250"); cents only where they matter, below € 1.000 ("€ 1,13").
    /// </summary>
    public string Amount(decimal euros)
    {
        var cents = Math.Round(euros, 2, MidpointRounding.AwayFromZero);
        return Math.Abs(cents) >= 1000m || cents == Math.Round(cents, 0) ? MoneyWhole(euros) : Money(euros);
    }

    private string Zero2 => 0m.ToString("#,0.00", Culture);

    /// <summary>A range of amounts, named as a range: "tussen € 1.200 en € 5.400" or "between €1,200 and €5,400", each as <see cref="Amount"/> writes it.</summary>
    public string AmountRange(decimal low, decimal high) => Range(Amount(low), Amount(high));

    /// <summary>Two values already written, named as a range: "tussen {low} en {high}".</summary>
    public string Range(string low, string high)
    {
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        return Format(Labels.RangeBetween, low, high);
    }

    /// <summary>
    /// A count with its word: "1 deelnemer", "3 deelnemers", "1.014 uur", "1 hour". The word is singular only when the
    /// number as shown (rounded to <paramref name="decimals"/>) is exactly one; any other number, fractions included,
    /// takes the plural ("0,27 schulden").
    /// </summary>
    public string Count(decimal count, Noun noun, int decimals = 0)
    {
        ArgumentNullException.ThrowIfNull(noun);
        return Counted(count, decimals, noun.One, noun.Many);
    }

    /// <summary>A quantity in a model unit with decimals that fit its size (as <see cref="Auto"/>): "1 consult", "0,65 schulden (vorderingen)".</summary>
    public string Count(decimal quantity, Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Counted(quantity, AutoDecimals(quantity), unit.Label, unit.Plural);
    }

    /// <summary>A quantity in a model unit with at most <paramref name="decimals"/> decimals: "1 consult", "0,273 schulden (vorderingen)".</summary>
    public string Count(decimal quantity, Unit unit, int decimals)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Counted(quantity, decimals, unit.Label, unit.Plural);
    }

    /// <summary>The unit's word that goes with a number as shown: "consult" after 1, "consulten" after anything else.</summary>
    public string UnitWord(decimal shown, Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return this[shown == 1m ? unit.Label : unit.Plural];
    }

    private string Counted(decimal count, int decimals, Text one, Text many)
    {
        var shown = Math.Round(count, decimals, MidpointRounding.AwayFromZero);
        return Number(shown, decimals) + " " + this[shown == 1m ? one : many];
    }

    private static int AutoDecimals(decimal value) => Math.Abs(value) >= 100m ? 0 : Math.Abs(value) >= 1m ? 2 : 4;

    /// <summary>A number with at most <paramref name="decimals"/> decimals and thousands separators.</summary>
    public string Number(decimal value, int decimals = 2) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("#,0." + new string('#', decimals), Culture);

    /// <summary>A number with decimals that fit its size: none from 100 up, two from 1, four below.</summary>
    public string Auto(decimal value) => Number(value, AutoDecimals(value));

    /// <summary>A number with exactly <paramref name="decimals"/> decimals.</summary>
    public string Fixed(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("#,0." + new string('0', decimals), Culture);

    /// <summary>A fraction (0.93) as a percentage ("93%").</summary>
    public string Percent(decimal fraction, int decimals = 0) => Number(fraction * 100m, decimals) + "%";

    /// <summary>
    /// A probability as a whole percentage, never as a certainty: above 0.99 (1 included) it reads "&gt; 99%" and below
    /// 0.01 (0 included) "&lt; 1%". A simulation of a few thousand draws cannot show that something always or never
    /// happens, and rounding 0.996 to "100%" would claim exactly that.
    /// </summary>
    public string Chance(decimal probability) => probability switch
    {
        > 0.99m => this[Labels.AboveNinetyNine],
        < 0.01m => this[Labels.BelowOne],
        _ => Percent(probability),
    };

    public string Phase(Phase phase) => this[phase == Engine.Calculation.Phase.Evaluation ? Labels.PhaseEvaluation : Labels.PhasePlan];

    /// <summary>The evidence grade's name as the model gives it ("beperkt", "tegengesproken").</summary>
    public string Evidence(EvidencePolicy policy, EvidenceGrade grade)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return this[policy.For(grade).Label];
    }

    /// <summary>
    /// What an outcome's grade rests on, in a sentence: the outcome's own evidence basis when the model gives one,
    /// else the grade's description. An effect fitted to the sector's example says so first: it is never evidence.
    /// </summary>
    public string EvidenceBasis(EvidencePolicy policy, Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(outcome);
        var basis = outcome.EvidenceBasis is { } own ? this[own] : this[policy.For(outcome.Evidence).Description];
        return outcome.Effect.Basis.IsCalibrated ? Capitalise(this[Labels.Calibrated]) + ". " + basis : basis;
    }

    private string Capitalise(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Culture) + text[1..];

    public string Reliability(Reliability reliability) => this[reliability switch
    {
        Engine.Model.Reliability.Official => Labels.ReliabilityOfficial,
        Engine.Model.Reliability.Study => Labels.ReliabilityStudy,
        _ => Labels.ReliabilityOther,
    }];

    public string Kind(PriceKind kind) => this[kind == PriceKind.Transfer ? Labels.KindTransfer : Labels.KindResource];

    /// <summary>Where a number comes from: source id and/or the assumption, in a few words; "" for no basis.</summary>
    public string Basis(Basis? basis)
    {
        if (basis is null)
        {
            return "";
        }
        var parts = new List<string>();
        if (basis.Source is { } source)
        {
            parts.Add(Format(Labels.BasisSource, source.Id));
        }
        if (basis.Assumption is { } assumption)
        {
            parts.Add(Format(Labels.BasisAssumption, assumption[Language]));
        }
        return string.Join("; ", parts);
    }
}
