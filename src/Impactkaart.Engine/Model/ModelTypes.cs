using System.Collections.Frozen;
using Impactkaart.Engine.Calculation;

namespace Impactkaart.Engine.Model;

/// <summary>How far a source can be trusted: official or statistical, a study or report, or other (news, blog, commercial).</summary>
public enum Reliability
{
    Official,
    Study,
    Other,
}

/// <summary>A publication a number comes from.</summary>
public sealed record Source(string Id, string Citation, int Year, string? Url, Reliability Reliability, Text? Note);

/// <summary>
/// Where a number comes from: a source, an assumption with its reason, or both (a source read with a stated assumption).
/// The model never holds a number with neither.
/// </summary>
public sealed record Basis(Source? Source, Text? Assumption, Text? Note, bool IsCalibrated = false)
{
    public bool IsAssumption => Assumption is not null;

    /// <summary>
    /// Whether the number rests on a study that measured it: a source, no assumption and not calibrated. A number
    /// fitted to reproduce a published example (<see cref="IsCalibrated"/>) is never evidence.
    /// </summary>
    public bool IsMeasured => Source is not null && Assumption is null && !IsCalibrated;
}

/// <summary>A value with its plausible range (low and high inclusive, low &lt;= central &lt;= high) and its basis.</summary>
public sealed record Estimate(decimal Central, decimal Low, decimal High, Basis Basis)
{
    public bool IsRanged => Low != High;
}

/// <summary>A unit of an outcome or price: <see cref="Label"/> after exactly one ("1 consult"), <see cref="Plural"/> after any other number ("3 consulten", "0,27 schulden").</summary>
public sealed record Unit(string Id, Text Label, Text Plural);

public sealed record Payer(string Id, Text Label, Text Description);

public sealed record Domain(string Id, Text Label);

public sealed record Sector(string Id, Text Label);

/// <summary>A profession whose hours a price item frees. Hours become FTE through the productive hours per FTE-year.</summary>
public sealed record Profession(string Id, Text Label, Sector Sector, Estimate HourlyCost, Estimate ProductiveHoursPerFteYear);

/// <summary>Hours of one profession freed by one unit of a price item.</summary>
public sealed record LabourContent(Profession Profession, Estimate HoursPerUnit);

/// <summary>
/// What an avoided amount is: a real resource (work, care, goods: money in every view), a transfer (money changing
/// hands, e.g. a benefit payment: in the money view, not in the welfare view) or a wellbeing value (a QALY, a
/// victim's intangible harm: in the welfare view, never in the money view).
/// </summary>
public enum PriceKind
{
    Resource,
    Transfer,
    Wellbeing,
}

/// <summary>
/// A unit cost, indexed to the model's price year. <see cref="Value"/> is at the model price year;
/// <see cref="OriginalValue"/> and <see cref="OriginalPriceYear"/> keep what the source says.
/// </summary>
public sealed record Price(
    string Id,
    Text Label,
    Unit Unit,
    Estimate Value,
    Estimate OriginalValue,
    int OriginalPriceYear,
    decimal IndexFactor,
    Payer Payer,
    Domain Domain,
    PriceKind Kind,
    IReadOnlyList<LabourContent> Labour);

/// <summary>One price item an outcome moves: <see cref="Quantity"/> units of the price per unit of the outcome's effect.</summary>
public sealed record PriceLink(Price Price, decimal Quantity, Basis? QuantityBasis);

/// <summary>
/// How strong the evidence for an outcome or a reference project is, by the best study behind it: strong (RCTs or a
/// meta-analysis of them), moderate (controlled quasi-experiments), limited (before-after, observational
/// association), indicative (expert judgement, practice), contradicted (good studies found no effect).
/// </summary>
public enum EvidenceGrade
{
    Strong,
    Moderate,
    Limited,
    Indicative,
    Contradicted,
}

/// <summary>
/// A change per participant against the nulalternatief, with its timing and the SROI corrections made explicit.
/// Net effect per participant = effect x (1 - deadweight) x attribution; the effect starts
/// <see cref="StartsAfterMonths"/> after the average participant's start, lasts <see cref="DurationYears"/> years
/// and fades by <see cref="DropOff"/> each year after the first.
/// </summary>
public sealed record Outcome(
    string Id,
    Text Label,
    Text Description,
    Unit Unit,
    Estimate Effect,
    Estimate Deadweight,
    Estimate Attribution,
    int StartsAfterMonths,
    int DurationYears,
    Estimate DropOff,
    EvidenceGrade Evidence,
    IReadOnlyList<PriceLink> Prices,
    Text? EvidenceBasis = null)
{
    /// <summary>Whether the effect is an assumption (or calibrated to an example) rather than measured in a study.</summary>
    public bool EffectIsAssumed => !Effect.Basis.IsMeasured;
}

public sealed record QuestionOption(string Id, Text Label, decimal Multiplier, bool IsReference, Basis? Basis);

/// <summary>
/// A step-3 question on the project's way of working. The chosen option multiplies the effect of the outcomes it
/// applies to (all of the project's outcomes when <see cref="AppliesTo"/> is empty).
/// </summary>
public sealed record Question(string Id, Text Label, Text Why, IReadOnlyList<QuestionOption> Options, IReadOnlyList<string> AppliesTo)
{
    public QuestionOption Reference => Options.First(o => o.IsReference);
}

public sealed record QualitativeEffect(string Id, Text Text);

/// <summary>An outcome the model deliberately does not claim, because the evidence shows no effect.</summary>
public sealed record NotClaimed(string Id, Text Label, Text Reason, Basis Basis);

public sealed record Calibration(int Participants, decimal Cost, Text Derivation);

/// <summary>
/// Outcomes that are mutually exclusive branches of one participant's path (e.g. a household that would have ended
/// in a debt-help trajectory, an eviction or a year of problem debt, at most one of them). Their net effects per
/// participant (shares) together never exceed <see cref="Cap"/>; above it, each is scaled down in proportion.
/// </summary>
public sealed record ExclusiveGroup(string Id, Text Label, IReadOnlyList<string> Outcomes, Estimate Cap);

public sealed record Theme(string Id, Text Label, Text Description);

public sealed record ReferenceProject(
    string Id,
    Theme Theme,
    Text Label,
    Text Summary,
    Text Description,
    Text TargetGroup,
    Text Intensity,
    int TypicalParticipants,
    Estimate TypicalCostPerParticipant,
    int TypicalDurationMonths,
    EvidenceGrade Evidence,
    IReadOnlyList<Outcome> Outcomes,
    IReadOnlyList<QualitativeEffect> Qualitative,
    IReadOnlyList<Question> Questions,
    IReadOnlyList<NotClaimed> NotClaimed,
    Calibration? Calibration,
    IReadOnlyList<ExclusiveGroup> ExclusiveGroups);

/// <summary>
/// How the cost per participant against the reference project's typical cost decides how far its effects apply.
/// Below the typical cost effects shrink as (cost per participant / typical)^elasticity: a lighter intervention,
/// with diminishing returns (an elasticity below 1). Above it they stay as they are (more money is not assumed to
/// buy more effect). The shares mark, against the typical range, where the map warns and where it calls the
/// project not comparable with its reference.
/// </summary>
public sealed record IntensityRule(Estimate Elasticity, decimal WarnBelow, decimal WarnAbove, decimal NotComparableBelow, decimal NotComparableAbove, Text Note);

/// <summary>One evidence grade: its words, and the chance that an effect of this grade is absent in a simulation draw.</summary>
public sealed record GradePolicy(EvidenceGrade Grade, Text Label, Text Description, decimal AbsenceProbability);

/// <summary>
/// How evidence moves the uncertainty: per grade the chance an effect is absent, with its basis; and how far an
/// answer's deviation from the reference (multiplier - 1) may itself be off (drawn between Low and High times it).
/// </summary>
public sealed record EvidencePolicy(IReadOnlyList<GradePolicy> Grades, Basis AbsenceBasis, Estimate AnswerSpread)
{
    public GradePolicy For(EvidenceGrade grade) => Grades.First(g => g.Grade == grade);
}

/// <summary>The yearly consumer-price changes used to index every price to the model's price year.</summary>
public sealed record PriceIndex(Source Source, FrozenDictionary<int, decimal> IndexByYear)
{
    /// <summary>The factor that brings an amount from <paramref name="fromYear"/> prices to <paramref name="toYear"/> prices.</summary>
    public decimal Factor(int fromYear, int toYear) => IndexByYear[toYear] / IndexByYear[fromYear];
}

/// <summary>The whole reference model: validated, resolved (no dangling ids) and immutable.</summary>
public sealed class ImpactModel
{
    internal ImpactModel(
        string version,
        int priceYear,
        Estimate discountRate,
        int defaultDraws,
        PriceIndex priceIndex,
        IReadOnlyList<Source> sources,
        IReadOnlyList<Unit> units,
        IReadOnlyList<Payer> payers,
        IReadOnlyList<Domain> domains,
        IReadOnlyList<Sector> sectors,
        IReadOnlyList<Profession> professions,
        IReadOnlyList<Price> prices,
        IReadOnlyList<Theme> themes,
        IReadOnlyList<ReferenceProject> referenceProjects,
        Profession ownProfession,
        IntensityRule intensity,
        EvidencePolicy evidence)
    {
        Intensity = intensity;
        Evidence = evidence;
        Version = version;
        PriceYear = priceYear;
        DiscountRate = discountRate;
        DefaultDraws = defaultDraws;
        PriceIndex = priceIndex;
        Sources = sources;
        Units = units;
        Payers = payers;
        Domains = domains;
        Sectors = sectors;
        Professions = professions;
        Prices = prices;
        Themes = themes;
        ReferenceProjects = referenceProjects;
        OwnProfession = ownProfession;
        referenceProjectsById = referenceProjects.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal);
        sourcesById = sources.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        plans = referenceProjects.ToFrozenDictionary(p => p.Id, p => ProjectPlan.Build(p, payers, domains, professions, evidence), StringComparer.Ordinal);
    }

    private readonly FrozenDictionary<string, ProjectPlan> plans;

    internal ProjectPlan PlanFor(ReferenceProject project) => plans[project.Id];

    private readonly FrozenDictionary<string, ReferenceProject> referenceProjectsById;
    private readonly FrozenDictionary<string, Source> sourcesById;

    /// <summary>The model version every result carries, so a saved map can tell which model computed it.</summary>
    public string Version { get; }

    /// <summary>The price year every amount is expressed in.</summary>
    public int PriceYear { get; }

    /// <summary>The default real discount rate (a fraction per year).</summary>
    public Estimate DiscountRate { get; }

    public int DefaultDraws { get; }
    public PriceIndex PriceIndex { get; }
    public IReadOnlyList<Source> Sources { get; }
    public IReadOnlyList<Unit> Units { get; }
    public IReadOnlyList<Payer> Payers { get; }
    public IReadOnlyList<Domain> Domains { get; }
    public IReadOnlyList<Sector> Sectors { get; }
    public IReadOnlyList<Profession> Professions { get; }
    public IReadOnlyList<Price> Prices { get; }
    public IReadOnlyList<Theme> Themes { get; }
    public IReadOnlyList<ReferenceProject> ReferenceProjects { get; }

    /// <summary>How the cost per participant scales the reference effects, and where the map warns.</summary>
    public IntensityRule Intensity { get; }

    /// <summary>The evidence grades and how they move the uncertainty.</summary>
    public EvidencePolicy Evidence { get; }

    /// <summary>The profession of the project's own workers (a social worker), to turn own hours into FTE.</summary>
    public Profession OwnProfession { get; }

    public ReferenceProject? FindReferenceProject(string id) => referenceProjectsById.GetValueOrDefault(id);

    public Source? FindSource(string id) => sourcesById.GetValueOrDefault(id);
}
