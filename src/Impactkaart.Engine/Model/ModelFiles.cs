using System.Text.Json;
using System.Text.Json.Serialization;

namespace Impactkaart.Engine.Model;

// The shapes of the model's JSON files, as read. Everything is nullable here: the validator, not the
// deserializer, decides what is missing, so a domain expert gets every problem at once with its file and path.

/// <summary>A file entry with an id, so lists of them can be checked for missing and duplicate ids in one place.</summary>
internal interface IHasId
{
    string? Id { get; }
}

internal sealed class TextDto
{
    public string? Nl { get; set; }
    public string? En { get; set; }
}

internal sealed class EstimateDto
{
    public decimal? Central { get; set; }
    public decimal? Low { get; set; }
    public decimal? High { get; set; }
    public string? Source { get; set; }
    public TextDto? Assumption { get; set; }
    public TextDto? Note { get; set; }

    /// <summary>True when the number was fitted to reproduce a published example: then it is an assumption, never evidence.</summary>
    public bool? Calibrated { get; set; }
}

internal sealed class ModelDto
{
    public string? Version { get; set; }
    public int? PriceYear { get; set; }
    public EstimateDto? DiscountRate { get; set; }
    public int? DefaultDraws { get; set; }
    public string? OwnProfession { get; set; }
    public PriceIndexDto? PriceIndex { get; set; }
    public List<UnitDto>? Units { get; set; }
    public IntensityDto? Intensity { get; set; }
    public EvidencePolicyDto? Evidence { get; set; }
}

internal sealed class IntensityDto
{
    public EstimateDto? Elasticity { get; set; }
    public decimal? WarnBelow { get; set; }
    public decimal? WarnAbove { get; set; }
    public decimal? NotComparableBelow { get; set; }
    public decimal? NotComparableAbove { get; set; }
    public TextDto? Note { get; set; }
}

internal sealed class EvidencePolicyDto
{
    public List<GradeDto>? Grades { get; set; }
    public EstimateDto? Absence { get; set; }
    public EstimateDto? AnswerSpread { get; set; }
}

internal sealed class GradeDto : IHasId
{
    public string? Id { get; set; }
    public TextDto? Label { get; set; }
    public TextDto? Description { get; set; }
    public decimal? AbsenceProbability { get; set; }
}

internal sealed class PriceIndexDto
{
    public string? Source { get; set; }
    public int? BaseYear { get; set; }
    public TextDto? Note { get; set; }
    public Dictionary<string, decimal>? YearlyChangePercent { get; set; }
}

internal sealed class UnitDto : IHasId
{
    public string? Id { get; set; }
    public TextDto? Label { get; set; }

    /// <summary>Only units have one; domains and sectors share this shape without it.</summary>
    public TextDto? Plural { get; set; }
}

internal sealed class SourcesFileDto
{
    public List<SourceDto>? Sources { get; set; }
}

internal sealed class SourceDto : IHasId
{
    public string? Id { get; set; }
    public string? Citation { get; set; }
    public int? Year { get; set; }
    public string? Url { get; set; }
    public string? Reliability { get; set; }
    public TextDto? Note { get; set; }
}

internal sealed class PayersFileDto
{
    public List<PayerDto>? Payers { get; set; }
}

internal sealed class PayerDto : IHasId
{
    public string? Id { get; set; }
    public TextDto? Label { get; set; }
    public TextDto? Description { get; set; }
}

internal sealed class DomainsFileDto
{
    public List<UnitDto>? Domains { get; set; }
}

internal sealed class ProfessionsFileDto
{
    public List<UnitDto>? Sectors { get; set; }
    public List<ProfessionDto>? Professions { get; set; }
}

internal sealed class ProfessionDto : IHasId
{
    public string? Id { get; set; }
    public string? Sector { get; set; }
    public TextDto? Label { get; set; }
    public EstimateDto? HourlyCost { get; set; }
    public EstimateDto? ProductiveHoursPerFteYear { get; set; }
}

internal sealed class PricesFileDto
{
    public List<PriceDto>? Prices { get; set; }
}

internal sealed class PriceDto : IHasId
{
    public string? Id { get; set; }
    public TextDto? Label { get; set; }
    public string? Unit { get; set; }
    public int? PriceYear { get; set; }
    public string? Payer { get; set; }
    public string? Domain { get; set; }
    public string? Kind { get; set; }
    public EstimateDto? Value { get; set; }
    public List<LabourDto>? Labour { get; set; }
}

internal sealed class LabourDto
{
    public string? Profession { get; set; }
    public EstimateDto? HoursPerUnit { get; set; }
}

internal sealed class ThemesFileDto
{
    public List<PayerDto>? Themes { get; set; }
}

internal sealed class QuestionsFileDto
{
    public List<QuestionDto>? Questions { get; set; }
}

internal sealed class QuestionDto
{
    public string? Id { get; set; }
    public TextDto? Label { get; set; }
    public TextDto? Why { get; set; }
    public List<OptionDto>? Options { get; set; }
    public List<string>? AppliesTo { get; set; }
}

internal sealed class OptionDto
{
    public string? Id { get; set; }
    public TextDto? Label { get; set; }
    public decimal? Multiplier { get; set; }
    public bool? Reference { get; set; }
    public string? Source { get; set; }
    public TextDto? Assumption { get; set; }
    public TextDto? Note { get; set; }
}

internal sealed class ReferenceProjectDto
{
    public string? Id { get; set; }
    public string? Theme { get; set; }
    public TextDto? Label { get; set; }
    public TextDto? Summary { get; set; }
    public TextDto? Description { get; set; }
    public TextDto? TargetGroup { get; set; }
    public TextDto? Intensity { get; set; }
    public int? TypicalParticipants { get; set; }
    public EstimateDto? TypicalCostPerParticipant { get; set; }
    public int? TypicalDurationMonths { get; set; }
    public string? Evidence { get; set; }
    public List<OutcomeDto>? Outcomes { get; set; }
    public List<QualitativeDto>? Qualitative { get; set; }
    public List<QuestionDto>? Questions { get; set; }
    public List<NotClaimedDto>? NotClaimed { get; set; }
    public CalibrationDto? Calibration { get; set; }
    public List<ExclusiveGroupDto>? Exclusive { get; set; }
}

internal sealed class ExclusiveGroupDto
{
    public string? Id { get; set; }
    public TextDto? Label { get; set; }
    public List<string>? Outcomes { get; set; }
    public EstimateDto? Cap { get; set; }
}

internal sealed class OutcomeDto
{
    public string? Id { get; set; }
    public TextDto? Label { get; set; }
    public TextDto? Description { get; set; }
    public string? Unit { get; set; }
    public EstimateDto? Effect { get; set; }
    public EstimateDto? Deadweight { get; set; }
    public EstimateDto? Attribution { get; set; }
    public int? StartsAfterMonths { get; set; }
    public int? DurationYears { get; set; }
    public EstimateDto? DropOff { get; set; }
    public string? Evidence { get; set; }
    public TextDto? EvidenceBasis { get; set; }
    public List<PriceLinkDto>? Prices { get; set; }
}

internal sealed class PriceLinkDto
{
    public string? Price { get; set; }
    public string? Unit { get; set; }
    public decimal? Quantity { get; set; }
    public string? Source { get; set; }
    public TextDto? Assumption { get; set; }
    public TextDto? Note { get; set; }
}

internal sealed class QualitativeDto
{
    public string? Id { get; set; }
    public TextDto? Text { get; set; }
}

internal sealed class NotClaimedDto
{
    public string? Id { get; set; }
    public TextDto? Label { get; set; }
    public TextDto? Reason { get; set; }
    public string? Source { get; set; }
    public TextDto? Assumption { get; set; }
}

internal sealed class CalibrationDto
{
    public int? Participants { get; set; }
    public decimal? Cost { get; set; }
    public TextDto? Derivation { get; set; }
}

internal static class ModelJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt field name in a model file must not pass silently.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}
