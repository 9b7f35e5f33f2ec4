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
public sealed record Basis(Source? Source, Text? Assumption, Text? Note)
{
    public bool IsAssumption => Assumption is not null;
}

/// <summary>A value with its plausible range (low and high inclusive, low &lt;= central &lt;= high) and its basis.</summary>
public sealed record Estimate(decimal Central, decimal Low, decimal High, Basis Basis)
{
    public bool IsRanged => Low != High;
}

public sealed record Unit(string Id, Text Label);

public sealed record Payer(string Id, Text Label, Text Description);

public sealed record Domain(string Id, Text Label);

public sealed record Sector(string Id, Text Label);

/// <summary>A profession whose hours a price item frees. Hours become FTE through the productive hours per FTE-year.</summary>
public sealed record Profession(string Id, Text Label, Sector Sector, Estimate HourlyCost, Estimate ProductiveHoursPerFteYear);

/// <summary>Hours of one profession freed by one unit of a price item.</summary>
public sealed record LabourContent(Profession Profession, Estimate HoursPerUnit);

/// <summary>Whether an avoided amount is a transfer (money changing hands, e.g. a benefit payment) or a real resource (work, care, goods).</summary>
public enum PriceKind
{
    Resource,
    Transfer,
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

/// <summary>How strong the evidence for an outcome or a reference project is.</summary>
public enum EvidenceGrade
{
    Strong,
    Moderate,
    Limited,
    Indicative,
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
    IReadOnlyList<PriceLink> Prices);

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
    Calibration? Calibration);

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
        Profession ownProfession)
    {
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
        plans = referenceProjects.ToFrozenDictionary(p => p.Id, p => ProjectPlan.Build(p, payers, domains, professions), StringComparer.Ordinal);
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

    /// <summary>The profession of the project's own workers (a social worker), to turn own hours into FTE.</summary>
    public Profession OwnProfession { get; }

    public ReferenceProject? FindReferenceProject(string id) => referenceProjectsById.GetValueOrDefault(id);

    public Source? FindSource(string id) => sourcesById.GetValueOrDefault(id);
}
