using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Engine.Calculation;

/// <summary>
/// The full impact map of one project. Every amount is a present value (discounted to the project's start at the
/// input's real discount rate) at the model's price level, unrounded; presentation rounds.
/// Two views: the money view (the headline: <see cref="Benefits"/>, <see cref="Ratio"/>) counts real resources and
/// transfers such as benefit payments, as the sector's Impactkaart does; the welfare view (<see cref="WelfareBenefits"/>,
/// <see cref="WelfareRatio"/>, the MKBA) counts real resources and wellbeing values (<see cref="WellbeingBenefits"/>),
/// and leaves transfers out.
/// </summary>
public sealed record ImpactMap(
    string ModelVersion,
    ProjectInput Input,
    Money Costs,
    Money Benefits,
    Money WelfareBenefits,
    Money WellbeingBenefits,
    Ratio? Ratio,
    Ratio? WelfareRatio,
    Money NetPresentValue,
    Money WelfareNetPresentValue,
    Years? Payback,
    Money BenefitPerParticipant,
    BreakEven BreakEven,
    IReadOnlyList<YearFigures> PerYear,
    IReadOnlyList<OutcomeFigures> ByOutcome,
    IReadOnlyList<PayerAmount> ByPayer,
    IReadOnlyList<DomainAmount> ByDomain,
    IReadOnlyList<LabourFigures> Labour,
    OwnHours? OwnHours,
    Uncertainty? Uncertainty,
    IntensityFigures Intensity,
    EvidenceSummary Evidence,
    IReadOnlyList<MapWarning> Warnings,
    IReadOnlyList<TrailEntry> Trail)
{
    /// <summary>Total hours of professionals' work saved, over all professions.</summary>
    public Hours HoursSaved => Labour.Aggregate(Hours.Zero, (sum, l) => sum + l.Hours);

    /// <summary>Hours saved per sector, largest first.</summary>
    public IReadOnlyList<(Sector Sector, Hours Hours, decimal Fte)> HoursBySector() =>
        [.. Labour.GroupBy(l => l.Profession.Sector)
            .Select(g => (g.Key, g.Aggregate(Hours.Zero, (s, l) => s + l.Hours), g.Sum(l => l.Fte)))
            .OrderByDescending(x => x.Item2.Value)];
}

/// <summary>
/// What makes benefits equal costs: the number of participants at the same total cost, and the share of the
/// modelled effects that would still break even (e.g. 0.53: effects may be 47% smaller).
/// </summary>
public sealed record BreakEven(int? Participants, Ratio? EffectShare);

/// <summary>One year from the project's start (index 0 is the first year): present values of costs and benefits.</summary>
public sealed record YearFigures(int Year, decimal DiscountFactor, Money Costs, Money Benefits, Money WelfareBenefits);

/// <summary>
/// One outcome on the map. <see cref="GrossEffectPerParticipant"/> is the change among participants before deadweight
/// and attribution: the reference effect x the answers' multiplier x the intensity factor in a plan, or the measured
/// value in an evaluation (a measured value is gross; deadweight and attribution still apply). The net effect also
/// carries <see cref="CapFactor"/> (below 1 when a group of mutually exclusive outcomes hit its cap).
/// </summary>
public sealed record OutcomeFigures(
    Outcome Outcome,
    decimal GrossEffectPerParticipant,
    decimal NetEffectPerParticipant,
    decimal Multiplier,
    decimal IntensityFactor,
    decimal CapFactor,
    bool Measured,
    Money Benefits,
    Money WelfareBenefits,
    Money WellbeingBenefits,
    decimal AbsenceProbability);

/// <summary>How comparable the project's cost per participant is with the reference project's usual range.</summary>
public enum Comparability
{
    /// <summary>Within the warning bounds around the usual range.</summary>
    Comparable,

    /// <summary>Far below or above the usual range: the map warns; the figures are still computed.</summary>
    Unusual,

    /// <summary>So far outside the usual range that the reference project is no fair comparison; shown only with that warning.</summary>
    NotComparable,
}

/// <summary>
/// The project's cost per participant against the reference project's usual cost, and the factor that scales the
/// reference effects (1 at or above the usual cost; (cost / usual)^elasticity below it).
/// </summary>
public sealed record IntensityFigures(Money CostPerParticipant, Money TypicalLow, Money Typical, Money TypicalHigh, decimal Factor, Comparability Comparability);

/// <summary>A warning the map carries on every surface: a stable code for programs, a message for people.</summary>
public sealed record MapWarning(string Code, Text Message);

/// <summary>
/// How much of the map rests on evidence. <see cref="AssumedShare"/>: the share of all benefits (money and
/// wellbeing) that comes from effects that are assumptions or calibrated to an example, not measured in a study.
/// <see cref="ByGrade"/>: the share of all benefits per evidence grade of the outcome.
/// </summary>
public sealed record EvidenceSummary(Fraction AssumedShare, Fraction CalibratedShare, IReadOnlyList<GradeShare> ByGrade);

public sealed record GradeShare(EvidenceGrade Grade, Fraction Share);

public sealed record PayerAmount(Payer Payer, Money Amount, Money Transfers);

public sealed record DomainAmount(Domain Domain, Money Amount);

/// <summary>Hours of one profession saved over the whole effect period, and the FTE-years they make.</summary>
public sealed record LabourFigures(Profession Profession, Hours Hours, decimal Fte);

/// <summary>The project's own social-work hours (given, or estimated from staff costs) and their FTE-years.</summary>
public sealed record OwnHours(Hours Hours, decimal Fte, bool Estimated);

/// <summary>The spread of the result over the Monte Carlo draws, and the inputs that drive it most.</summary>
public sealed record Uncertainty(
    int Draws,
    ulong Seed,
    Ratio RatioP10,
    Ratio RatioP50,
    Ratio RatioP90,
    Money NetPresentValueP10,
    Money NetPresentValueP50,
    Money NetPresentValueP90,
    Fraction ProbabilityRatioAboveOne,
    Ratio WelfareRatioP10,
    Ratio WelfareRatioP50,
    Ratio WelfareRatioP90,
    Fraction ProbabilityWelfareRatioAboveOne,
    IReadOnlyList<Driver> Drivers,
    Text Explanation);

/// <summary>One ranged input of the tornado list: the ratio with this input at its low and at its high end, all else central.</summary>
public sealed record Driver(string Id, Text Label, Text Kind, decimal Low, decimal High, Ratio RatioAtLow, Ratio RatioAtHigh)
{
    public decimal Swing => Math.Abs(RatioAtHigh.Value - RatioAtLow.Value);
}

/// <summary>
/// One line of the calculation trail: amount = quantity x unit price x discount factor, where quantity =
/// participants x effect x multiplier x (1 - deadweight) x attribution x persistence x units of price per unit of effect.
/// Cost lines have no outcome or price.
/// </summary>
public sealed record TrailEntry(
    int Year,
    Outcome? Outcome,
    Price? Price,
    int Participants,
    decimal Effect,
    decimal Multiplier,
    decimal Deadweight,
    decimal Attribution,
    decimal Persistence,
    decimal QuantityPerUnit,
    decimal Quantity,
    Money UnitPrice,
    decimal DiscountFactor,
    Money Amount,
    IReadOnlyList<Source> Sources);
