using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;

namespace Impactkaart.Engine.Contract;

// The JSON contract of a map (camelCase). Other programs, the web app and the API rely on these names: add
// fields freely, never rename or remove one without a new contract version.

public sealed record MapDto(
    string ModelVersion,
    int PriceYear,
    string ReferenceProject,
    string ReferenceProjectLabel,
    string Theme,
    string? Name,
    string? Start,
    int Months,
    int Participants,
    string Phase,
    decimal DiscountRate,
    decimal Costs,
    CostsDto? CostsByCategory,
    decimal Benefits,
    decimal WelfareBenefits,
    decimal WellbeingBenefits,
    decimal? Ratio,
    decimal? WelfareRatio,
    string Headline,
    decimal NetPresentValue,
    decimal WelfareNetPresentValue,
    decimal? PaybackYears,
    decimal BenefitPerParticipant,
    BreakEvenDto BreakEven,
    IReadOnlyList<YearDto> PerYear,
    IReadOnlyList<OutcomeDto> ByOutcome,
    IReadOnlyList<PayerDto> ByPayer,
    IReadOnlyList<DomainDto> ByDomain,
    IReadOnlyList<LabourDto> Labour,
    OwnHoursDto? OwnHours,
    IReadOnlyList<AnswerDto> Answers,
    IReadOnlyList<QualitativeDto> Qualitative,
    IReadOnlyList<NotClaimedDto> NotClaimed,
    UncertaintyDto? Uncertainty,
    IntensityDto Intensity,
    EvidenceDto Evidence,
    IReadOnlyList<WarningDto> Warnings,
    IReadOnlyList<SourceDto> Sources,
    IReadOnlyList<TrailDto>? Trail);

/// <summary>The cost per participant against the reference project's usual range, and how far its effects apply.</summary>
public sealed record IntensityDto(decimal CostPerParticipant, decimal TypicalLow, decimal Typical, decimal TypicalHigh, decimal Factor, string Comparability);

/// <summary>
/// What the map rests on: assumedShare is the share of all benefits (money and wellbeing) from effects that are
/// assumptions or calibrated to the sector's example, not measured in a study; byGrade the share per evidence grade.
/// </summary>
public sealed record EvidenceDto(decimal AssumedShare, decimal CalibratedShare, IReadOnlyList<GradeShareDto> ByGrade);

public sealed record GradeShareDto(string Grade, string Label, decimal Share);

/// <summary>A warning on the map: a stable code for programs and a message for people, in the map's language.</summary>
public sealed record WarningDto(string Code, string Message);

public sealed record CostsDto(decimal Staff, decimal Volunteers, decimal Material, decimal Overhead);

public sealed record BreakEvenDto(int? Participants, decimal? EffectShare);

public sealed record YearDto(int Year, decimal DiscountFactor, decimal Costs, decimal Benefits, decimal WelfareBenefits);

/// <summary>
/// One outcome. grossEffectPerParticipant is the change among participants before deadweight and attribution (the plan's
/// reference effect x answers x intensity, or the measured value); netEffectPerParticipant after them and after any cap.
/// effectBasis: "measured" (a study measured it), "assumption" or "calibrated" (fitted to the sector's published
/// example). absenceProbability: the chance the simulation leaves the effect out, set by its evidence grade.
/// </summary>
public sealed record OutcomeDto(string Outcome, string Label, string Unit, decimal GrossEffectPerParticipant, decimal NetEffectPerParticipant, decimal Multiplier,
    decimal IntensityFactor, decimal CapFactor, bool Measured, string Evidence, string EvidenceLabel, string? EvidenceBasis, string EffectBasis,
    decimal AbsenceProbability, decimal Amount, decimal WelfareAmount, decimal WellbeingAmount);

public sealed record PayerDto(string Payer, string Label, decimal Amount, decimal Transfers);

public sealed record DomainDto(string Domain, string Label, decimal Amount);

public sealed record LabourDto(string Profession, string Label, string Sector, string SectorLabel, decimal Hours, decimal Fte);

public sealed record OwnHoursDto(decimal Hours, decimal Fte, bool Estimated);

public sealed record AnswerDto(string Question, string Option, string Label, decimal Multiplier);

public sealed record QualitativeDto(string Id, string Text);

public sealed record NotClaimedDto(string Id, string Label, string Reason, string? Source);

public sealed record UncertaintyDto(
    int Draws,
    ulong Seed,
    decimal RatioP10,
    decimal RatioP50,
    decimal RatioP90,
    decimal NetPresentValueP10,
    decimal NetPresentValueP50,
    decimal NetPresentValueP90,
    decimal ProbabilityRatioAboveOne,
    decimal WelfareRatioP10,
    decimal WelfareRatioP50,
    decimal WelfareRatioP90,
    decimal ProbabilityWelfareRatioAboveOne,
    IReadOnlyList<DriverDto> Drivers,
    string Explanation);

public sealed record DriverDto(string Id, string Label, string Kind, decimal Low, decimal High, decimal RatioAtLow, decimal RatioAtHigh);

public sealed record SourceDto(string Id, string Citation, int Year, string? Url, string Reliability);

public sealed record TrailDto(
    int Year,
    string? Outcome,
    string? Price,
    string? Payer,
    string? Kind,
    decimal Quantity,
    decimal UnitPrice,
    decimal DiscountFactor,
    decimal Amount,
    string Working,
    IReadOnlyList<string> Sources);

/// <summary>Maps an <see cref="ImpactMap"/> to its JSON contract, with labels in one language. Amounts in euros rounded to cents.</summary>
public static class MapContract
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Keep é, ë and € readable for people; the output is data, never embedded in HTML unescaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static MapDto ToDto(ImpactModel model, ImpactMap map, Language language, bool withTrail = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(map);
        var input = map.Input;
        var project = input.ReferenceProject;
        var costs = input.Costs;
        return new MapDto(
            map.ModelVersion,
            model.PriceYear,
            project.Id,
            project.Label[language],
            project.Theme.Id,
            input.Name,
            input.Start?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            input.Months,
            input.Participants,
            PhaseWord.Of(input.Phase),
            input.DiscountRate.Value,
            Cents(map.Costs.Euros),
            costs.HasCategories ? new CostsDto(Cents(costs.Staff!.Value.Euros), Cents(costs.Volunteers!.Value.Euros), Cents(costs.Material!.Value.Euros), Cents(costs.Overhead!.Value.Euros)) : null,
            Cents(map.Benefits.Euros),
            Cents(map.WelfareBenefits.Euros),
            Cents(map.WellbeingBenefits.Euros),
            RatioValue(map.Ratio?.Value),
            RatioValue(map.WelfareRatio?.Value),
            "financial",
            Cents(map.NetPresentValue.Euros),
            Cents(map.WelfareNetPresentValue.Euros),
            map.Payback is { } p ? Math.Round(p.Value, 2) : null,
            Cents(map.BenefitPerParticipant.Euros),
            new BreakEvenDto(map.BreakEven.Participants, RatioValue(map.BreakEven.EffectShare?.Value)),
            [.. map.PerYear.Select(y => new YearDto(y.Year, Math.Round(y.DiscountFactor, 6), Cents(y.Costs.Euros), Cents(y.Benefits.Euros), Cents(y.WelfareBenefits.Euros)))],
            [.. map.ByOutcome.Select(o => new OutcomeDto(o.Outcome.Id, o.Outcome.Label[language], o.Outcome.Unit.Id, Math.Round(o.GrossEffectPerParticipant, 4),
                Math.Round(o.NetEffectPerParticipant, 4), o.Multiplier, o.IntensityFactor, Math.Round(o.CapFactor, 4), o.Measured, Grade(o.Outcome.Evidence),
                model.Evidence.For(o.Outcome.Evidence).Label[language], o.Outcome.EvidenceBasis?[language], EffectBasis(o), o.AbsenceProbability,
                Cents(o.Benefits.Euros), Cents(o.WelfareBenefits.Euros), Cents(o.WellbeingBenefits.Euros)))],
            [.. map.ByPayer.Select(p => new PayerDto(p.Payer.Id, p.Payer.Label[language], Cents(p.Amount.Euros), Cents(p.Transfers.Euros)))],
            [.. map.ByDomain.Select(d => new DomainDto(d.Domain.Id, d.Domain.Label[language], Cents(d.Amount.Euros)))],
            [.. map.Labour.Select(l => new LabourDto(l.Profession.Id, l.Profession.Label[language], l.Profession.Sector.Id, l.Profession.Sector.Label[language], Math.Round(l.Hours.Value, 1), Math.Round(l.Fte, 3)))],
            map.OwnHours is { } own ? new OwnHoursDto(Math.Round(own.Hours.Value, 1), Math.Round(own.Fte, 3), own.Estimated) : null,
            [.. project.Questions.Select(q => Answer(q, input.AnswerTo(q), language))],
            [.. project.Qualitative.Select(q => new QualitativeDto(q.Id, q.Text[language]))],
            [.. project.NotClaimed.Select(n => new NotClaimedDto(n.Id, n.Label[language], n.Reason[language], n.Basis.Source?.Id))],
            map.Uncertainty is { } u ? new UncertaintyDto(u.Draws, u.Seed, RatioValue(u.RatioP10.Value)!.Value, RatioValue(u.RatioP50.Value)!.Value, RatioValue(u.RatioP90.Value)!.Value,
                Cents(u.NetPresentValueP10.Euros), Cents(u.NetPresentValueP50.Euros), Cents(u.NetPresentValueP90.Euros), Math.Round(u.ProbabilityRatioAboveOne.Value, 4),
                RatioValue(u.WelfareRatioP10.Value)!.Value, RatioValue(u.WelfareRatioP50.Value)!.Value, RatioValue(u.WelfareRatioP90.Value)!.Value,
                Math.Round(u.ProbabilityWelfareRatioAboveOne.Value, 4),
                [.. u.Drivers.Select(d => new DriverDto(d.Id, d.Label[language], d.Kind[language], d.Low, d.High, RatioValue(d.RatioAtLow.Value)!.Value, RatioValue(d.RatioAtHigh.Value)!.Value))],
                u.Explanation[language]) : null,
            new IntensityDto(Cents(map.Intensity.CostPerParticipant.Euros), Cents(map.Intensity.TypicalLow.Euros), Cents(map.Intensity.Typical.Euros),
                Cents(map.Intensity.TypicalHigh.Euros), map.Intensity.Factor, Comparability(map.Intensity.Comparability)),
            new EvidenceDto(map.Evidence.AssumedShare.Value, map.Evidence.CalibratedShare.Value,
                [.. map.Evidence.ByGrade.Select(g => new GradeShareDto(Grade(g.Grade), model.Evidence.For(g.Grade).Label[language], g.Share.Value))]),
            [.. map.Warnings.Select(w => new WarningDto(w.Code, w.Message[language]))],
            [.. MapSources.For(model, map).Select(s => new SourceDto(s.Id, s.Citation, s.Year, s.Url, s.Reliability.ToString().ToLowerInvariant()))],
            withTrail ? [.. map.Trail.Select(t => Trail(t, language))] : null);
    }

    public static string Serialize(ImpactModel model, ImpactMap map, Language language, bool withTrail = false) =>
        JsonSerializer.Serialize(ToDto(model, map, language, withTrail), JsonOptions);

    /// <summary>The working of one trail line in words, e.g. "80 deelnemers x 1,2 x 0,75 x 0,75 x 1 x 1 = 54 maanden x 1.468,83 x 0,978 = 77.587,26".</summary>
    public static string Working(TrailEntry t, Language language)
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo(language == Language.En ? "en-GB" : "nl-NL");
        string N(decimal d, int decimals = 4) => Math.Round(d, decimals).ToString("#,0.####", culture);
        if (t.Outcome is null)
        {
            return language == Language.En
                ? $"{N(t.Quantity)} {(N(t.Quantity) == "1" ? "month" : "months")} x {N(t.UnitPrice.Euros, 2)} per month x discount factor {N(t.DiscountFactor)} = {N(t.Amount.Euros, 2)}"
                : $"{N(t.Quantity)} {(N(t.Quantity) == "1" ? "maand" : "maanden")} x {N(t.UnitPrice.Euros, 2)} per maand x disconteringsfactor {N(t.DiscountFactor)} = {N(t.Amount.Euros, 2)}";
        }
        // The word goes with the number as written: "1 maand", "54 maanden", "0,27 schulden (vorderingen)".
        var unit = (N(t.Quantity, 2) == "1" ? t.Price!.Unit.Label : t.Price!.Unit.Plural)[language];
        var participants = t.Participants == 1
            ? (language == Language.En ? "participant" : "deelnemer")
            : (language == Language.En ? "participants" : "deelnemers");
        var factor = language == Language.En ? "discount factor" : "disconteringsfactor";
        return $"{t.Participants} {participants} x {N(t.Effect)} x {N(t.Multiplier)} x (1 - {N(t.Deadweight)}) x {N(t.Attribution)} x {N(t.Persistence)} x {N(t.QuantityPerUnit)} = {N(t.Quantity, 2)} {unit}"
            + $" x {N(t.UnitPrice.Euros, 2)} x {factor} {N(t.DiscountFactor)} = {N(t.Amount.Euros, 2)}";
    }

    /// <summary>The evidence grade as the contract names it: strong, moderate, limited, indicative or contradicted.</summary>
    public static string Grade(EvidenceGrade grade) => grade.ToString().ToLowerInvariant();

    /// <summary>What an outcome's effect rests on: measured (in a study or by the project), calibrated or assumption.</summary>
    public static string EffectBasis(OutcomeFigures o) =>
        o.Measured || !o.Outcome.EffectIsAssumed ? "measured" : o.Outcome.Effect.Basis.IsCalibrated ? "calibrated" : "assumption";

    private static string Comparability(Comparability c) => c switch
    {
        Calculation.Comparability.Unusual => "unusual",
        Calculation.Comparability.NotComparable => "not-comparable",
        _ => "comparable",
    };

    private static AnswerDto Answer(Question question, QuestionOption option, Language language) =>
        new(question.Id, option.Id, option.Label[language], option.Multiplier);

    private static TrailDto Trail(TrailEntry t, Language language) => new(
        t.Year,
        t.Outcome?.Id,
        t.Price?.Id,
        t.Price?.Payer.Id,
        t.Price is null ? "cost" : t.Price.Kind.ToString().ToLowerInvariant(),
        Math.Round(t.Quantity, 4),
        Cents(t.UnitPrice.Euros),
        Math.Round(t.DiscountFactor, 6),
        Cents(t.Amount.Euros),
        Working(t, language),
        [.. t.Sources.Select(s => s.Id)]);

    private static decimal Cents(decimal euros) => Math.Round(euros, 2, MidpointRounding.AwayFromZero);

    private static decimal? RatioValue(decimal? value) => value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;
}
