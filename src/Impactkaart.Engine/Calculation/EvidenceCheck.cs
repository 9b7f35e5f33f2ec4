using System.Globalization;
using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Engine.Calculation;

/// <summary>How much of a map rests on evidence, and the one sentence that says why its range is what it is.</summary>
internal static class EvidenceCheck
{
    /// <summary>Shares of all benefits (money and wellbeing values) by what the effect behind them rests on.</summary>
    public static EvidenceSummary Summarise(IReadOnlyList<OutcomeFigures> outcomes)
    {
        var total = 0m;
        var assumed = 0m;
        var calibrated = 0m;
        var byGrade = new decimal[Enum.GetValues<EvidenceGrade>().Length];
        foreach (var o in outcomes)
        {
            var amount = AllBenefits(o);
            total += amount;
            byGrade[(int)o.Outcome.Evidence] += amount;
            if (!o.Measured && o.Outcome.EffectIsAssumed)
            {
                assumed += amount;
            }
            if (!o.Measured && o.Outcome.Effect.Basis.IsCalibrated)
            {
                calibrated += amount;
            }
        }
        return new EvidenceSummary(
            Share(assumed, total),
            Share(calibrated, total),
            [.. Enum.GetValues<EvidenceGrade>().Where(g => byGrade[(int)g] != 0m).Select(g => new GradeShare(g, Share(byGrade[(int)g], total)))]);
    }

    /// <summary>Everything an outcome brings in either view: money (resources and transfers) plus wellbeing values.</summary>
    public static decimal AllBenefits(OutcomeFigures o) => o.Benefits.Euros + o.WellbeingBenefits.Euros;

    /// <summary>
    /// Why the range is what it is, in one plain sentence: effects that good studies contradict first (they decide
    /// the range), then the input that moves the ratio most and how much rests on assumptions.
    /// </summary>
    public static Text Explain(IReadOnlyList<OutcomeFigures> outcomes, EvidenceSummary evidence, IReadOnlyList<Driver> drivers)
    {
        var total = outcomes.Sum(AllBenefits);
        var contradicted = outcomes.Where(o => o.Outcome.Evidence == EvidenceGrade.Contradicted && !o.Measured && AllBenefits(o) > 0m).ToList();
        var contradictedShare = total > 0m ? contradicted.Sum(AllBenefits) / total : 0m;
        if (contradictedShare >= 0.1m)
        {
            var names = (Nl: string.Join(" en ", contradicted.Select(o => $"'{o.Outcome.Label.Nl}'")), En: string.Join(" and ", contradicted.Select(o => $"'{o.Outcome.Label.En}'")));
            var pct = Share(contradictedShare);
            return new Text(
                $"De bandbreedte is breed omdat {pct.Nl} {(pct.All ? "komen" : "komt")} uit {names.Nl}, {(contradicted.Count > 1 ? "effecten die goed onderzoek niet terugvond; de kaart laat ze" : "een effect dat goed onderzoek niet terugvond; de kaart laat het")} daarom in de meeste doorrekeningen weg.",
                $"The range is wide because {pct.En} come from {names.En}, {(contradicted.Count > 1 ? "effects good studies did not find; so the map leaves them" : "an effect good studies did not find; so the map leaves it")} out of most runs.");
        }
        var assumed = Share(evidence.AssumedShare.Value);
        if (drivers.Count == 0)
        {
            return new Text(
                $"{Capital(assumed.Nl)} {(assumed.All ? "rusten" : "rust")} op aannames in plaats van gemeten effecten; zwak onderbouwde effecten tellen in een deel van de doorrekeningen niet mee.",
                $"{Capital(assumed.En)} rest on assumptions rather than measured effects; weakly supported effects are left out of part of the runs.");
        }
        var top = drivers[0];
        return new Text(
            $"De bandbreedte komt vooral van {top.Kind.Nl} bij '{top.Label.Nl}'; {assumed.Nl} {(assumed.All ? "rusten" : "rust")} op aannames in plaats van gemeten effecten, en zwak onderbouwde effecten tellen in een deel van de doorrekeningen niet mee.",
            $"The range comes mostly from {top.Kind.En} for '{top.Label.En}'; {assumed.En} rest on assumptions rather than measured effects, and weakly supported effects are left out of part of the runs.");
    }

    private static Fraction Share(decimal part, decimal total) =>
        Fraction.FromDecimal(total <= 0m ? 0m : Math.Clamp(Math.Round(part / total, 4), 0m, 1m));

    /// <summary>
    /// A share of the benefits in words: "alle baten" / "all of the benefits" when whole, "geen van de baten" / "none of
    /// the benefits" when nothing, else a percentage that never rounds to 100% or 0% ("> 99% van de baten").
    /// <c>All</c> tells a Dutch sentence to use the plural verb.
    /// </summary>
    private static (string Nl, string En, bool All) Share(decimal share)
    {
        if (share >= 1m)
        {
            return ("alle baten", "all of the benefits", true);
        }
        if (share <= 0m)
        {
            return ("geen van de baten", "none of the benefits", false);
        }
        var percent = Math.Round(share * 100m, 0);
        var text = percent >= 100m ? "> 99%" : percent <= 0m ? "< 1%" : percent.ToString(CultureInfo.InvariantCulture) + "%";
        return (text + " van de baten", text + " of the benefits", false);
    }

    private static string Capital(string text) => char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
