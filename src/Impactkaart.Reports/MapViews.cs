using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Reports;

/// <summary>
/// One of the map's two views as every surface shows it, with equal weight: its name and one-line explanation, the
/// ratio, its P10-P90 range and the chance that benefits exceed costs (null without draws), and the one line that
/// says what only this view counts.
/// </summary>
public sealed record MapView(
    string Name,
    string Explanation,
    Ratio? Ratio,
    Ratio? P10,
    Ratio? P50,
    Ratio? P90,
    Fraction? ChanceAboveOne,
    Money Benefits,
    Money NetPresentValue,
    string OnlyHere)
{
    /// <summary>"80% van de uitkomsten ligt tussen € 0,72 en € 2,47", or null without draws.</summary>
    public string? Range(Formats f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return P10 is { } low && P90 is { } high ? f.Format(Labels.ViewRange, f.Money(low.Value), f.Money(high.Value)) : null;
    }

    /// <summary>"Kans dat de baten de kosten overtreffen: 81%", or null without draws.</summary>
    public string? Chance(Formats f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return ChanceAboveOne is { } p ? f.Format(Labels.ViewChance, f.Chance(p.Value)) : null;
    }
}

/// <summary>
/// The money view (the engine's headline: public budgets, care, production and transfers such as benefit payments)
/// and the welfare view (society as a whole: real resources and wellbeing values, transfers left out), and the
/// sentences about what the map rests on. One place, so the page, the PDF, the graphic, the workbook and the CLI
/// name and explain them alike.
/// </summary>
public static class MapViews
{
    public static MapView Money(ImpactMap map, Formats f)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(f);
        var u = map.Uncertainty;
        return new MapView(f[Labels.MoneyView], f[Labels.MoneyViewExplained], map.Ratio, u?.RatioP10, u?.RatioP50, u?.RatioP90, u?.ProbabilityRatioAboveOne,
            map.Benefits, map.NetPresentValue, f.Format(Labels.TransfersOnlyInMoney, f.Amount(Transfers(map).Euros)));
    }

    public static MapView Welfare(ImpactMap map, Formats f)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(f);
        var u = map.Uncertainty;
        return new MapView(f[Labels.WelfareView], f[Labels.WelfareViewExplained], map.WelfareRatio, u?.WelfareRatioP10, u?.WelfareRatioP50, u?.WelfareRatioP90,
            u?.ProbabilityWelfareRatioAboveOne, map.WelfareBenefits, map.WelfareNetPresentValue, f.Format(Labels.WellbeingOnlyInWelfare, f.Amount(map.WellbeingBenefits.Euros)));
    }

    /// <summary>Both views, money first.</summary>
    public static IReadOnlyList<MapView> Both(ImpactMap map, Formats f) => [Money(map, f), Welfare(map, f)];

    /// <summary>The transfers in the money view (benefit payments and the like): counted there, left out of the welfare view.</summary>
    public static Money Transfers(ImpactMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return map.ByPayer.Aggregate(Engine.Quantities.Money.Zero, (sum, p) => sum + p.Transfers);
    }

    /// <summary>
    /// "45% van de baten rust op aannames, niet op gemeten effecten.", or null when the map has no benefits. All or none
    /// are said in words, and a share that only rounds to 0% or 100% reads "&lt; 1%" or "&gt; 99%".
    /// </summary>
    public static string? AssumedShare(ImpactMap map, Formats f)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(f);
        var share = map.Evidence.AssumedShare.Value;
        return !HasBenefits(map) ? null
            : share == 1m ? f[Labels.AllAssumed]
            : share == 0m ? f[Labels.NoneAssumed]
            : f.Format(Labels.AssumedShare, f.Chance(share));
    }

    /// <summary>The share of benefits from effects calibrated to the sector's example, or null when there are none.</summary>
    public static string? CalibratedShare(ImpactMap map, Formats f)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(f);
        var share = map.Evidence.CalibratedShare.Value;
        return !HasBenefits(map) || share == 0m ? null
            : share == 1m ? f[Labels.AllCalibrated]
            : f.Format(Labels.CalibratedShare, f.Chance(share));
    }

    /// <summary>Whether the outcome's effect is fitted to the sector's published example (not measured, not evidence).</summary>
    public static bool IsCalibrated(OutcomeFigures outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return !outcome.Measured && outcome.Outcome.Effect.Basis.IsCalibrated;
    }

    private static bool HasBenefits(ImpactMap map) => map.Benefits.Euros + map.WellbeingBenefits.Euros > 0m;
}
