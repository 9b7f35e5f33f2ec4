using System.Globalization;
using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Engine.Calculation;

/// <summary>
/// The project's cost per participant against its reference project's usual cost: how far the reference effects
/// apply (<see cref="IntensityRule"/>), and the warning the map carries when the cost is far outside the usual range.
/// </summary>
internal static class IntensityCheck
{
    public static IntensityFigures For(ImpactModel model, ProjectInput input)
    {
        var rule = model.Intensity;
        var typical = input.ReferenceProject.TypicalCostPerParticipant;
        var perParticipant = input.Costs.Total.Euros / input.Participants;
        var factor = Factor(perParticipant / typical.Central, rule.Elasticity.Central);
        var comparability = perParticipant < rule.NotComparableBelow * typical.Low || perParticipant > rule.NotComparableAbove * typical.High
            ? Comparability.NotComparable
            : perParticipant < rule.WarnBelow * typical.Low || perParticipant > rule.WarnAbove * typical.High
                ? Comparability.Unusual
                : Comparability.Comparable;
        return new IntensityFigures(Money.FromEuros(perParticipant), Money.FromEuros(typical.Low), Money.FromEuros(typical.Central),
            Money.FromEuros(typical.High), factor, comparability);
    }

    /// <summary>
    /// (cost per participant / usual cost)^elasticity below the usual cost, 1 at or above it. Rounded to six decimals
    /// so that the map is the same on every machine.
    /// </summary>
    public static decimal Factor(decimal relativeCost, decimal elasticity) =>
        relativeCost >= 1m ? 1m : relativeCost <= 0m ? 0m : Math.Round((decimal)Math.Pow((double)relativeCost, (double)elasticity), 6);

    public static IReadOnlyList<MapWarning> Warnings(ProjectInput input, IntensityFigures figures)
    {
        if (figures.Comparability == Comparability.Comparable)
        {
            return [];
        }
        var label = input.ReferenceProject.Label;
        var low = figures.CostPerParticipant < figures.TypicalLow;
        var cost = Euros(figures.CostPerParticipant.Euros);
        var range = (Nl: $"{Euros(figures.TypicalLow.Euros).Nl} tot {Euros(figures.TypicalHigh.Euros).Nl}", En: $"{Euros(figures.TypicalLow.Euros).En} to {Euros(figures.TypicalHigh.Euros).En}");
        var share = Math.Round(figures.Factor * 100m, 0).ToString(CultureInfo.InvariantCulture);
        var comparable = figures.Comparability == Comparability.NotComparable;
        string code;
        Text message;
        if (low)
        {
            code = comparable ? "not-comparable-low" : "cost-per-participant-low";
            message = new Text(
                $"De kosten per deelnemer ({cost.Nl}) liggen ver onder wat voor {label.Nl} gebruikelijk is ({range.Nl}). "
                + (comparable ? "Zo'n project is niet goed te vergelijken met het referentieproject: lees de uitkomst alleen als grove indicatie. " : "")
                + $"Een lichtere aanpak heeft minder effect: de kaart rekent met {share}% van de effecten van het referentieproject. Klopt het bedrag?",
                $"The cost per participant ({cost.En}) is far below what is usual for {label.En} ({range.En}). "
                + (comparable ? "Such a project cannot fairly be compared with the reference project: read the result as a rough indication only. " : "")
                + $"A lighter approach has less effect: the map counts {share}% of the reference project's effects. Is the amount right?");
        }
        else
        {
            code = comparable ? "not-comparable-high" : "cost-per-participant-high";
            message = new Text(
                $"De kosten per deelnemer ({cost.Nl}) liggen ver boven wat voor {label.Nl} gebruikelijk is ({range.Nl}). "
                + (comparable ? "Zo'n project is niet goed te vergelijken met het referentieproject: lees de uitkomst alleen als grove indicatie. " : "")
                + "Het model rekent niet met meer effect voor meer geld, dus het rendement valt laag uit. Klopt het bedrag, en het aantal deelnemers?",
                $"The cost per participant ({cost.En}) is far above what is usual for {label.En} ({range.En}). "
                + (comparable ? "Such a project cannot fairly be compared with the reference project: read the result as a rough indication only. " : "")
                + "The model does not assume more effect for more money, so the return comes out low. Are the amount and the number of participants right?");
        }
        return [new MapWarning(code, message)];
    }

    /// <summary>An amount for a sentence, as the pages write it: whole euros from 100 up, cents below ("€ 1.125", "€ 1,13"; "€1,125").</summary>
    internal static (string Nl, string En) Euros(decimal euros)
    {
        var format = Math.Abs(euros) >= 100m ? "#,0" : "#,0.00";
        var rounded = Math.Round(euros, Math.Abs(euros) >= 100m ? 0 : 2, MidpointRounding.AwayFromZero);
        return ("€ " + rounded.ToString(format, CultureInfo.GetCultureInfo("nl-NL")), "€" + rounded.ToString(format, CultureInfo.GetCultureInfo("en-GB")));
    }
}
