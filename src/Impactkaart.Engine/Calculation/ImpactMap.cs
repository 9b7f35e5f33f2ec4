using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Engine.Calculation;

/// <summary>
/// The full impact map of one project. Every amount is a present value (discounted to the project's start at the
/// input's real discount rate) at the model's price level, unrounded; presentation rounds.
/// </summary>
public sealed record ImpactMap(
    string ModelVersion,
    ProjectInput Input,
    Money Costs,
    Money Benefits,
    Money WelfareBenefits,
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

public sealed record OutcomeFigures(Outcome Outcome, decimal NetEffectPerParticipant, decimal Multiplier, bool Measured, Money Benefits, Money WelfareBenefits);

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
    IReadOnlyList<Driver> Drivers);

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
