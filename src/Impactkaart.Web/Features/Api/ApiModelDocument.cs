using System.Security.Cryptography;
using System.Text.Json;
using Impactkaart.Engine;
using Impactkaart.Engine.Model;

namespace Impactkaart.Web.Features.Api;

// The shape of GET /api/v1/model (camelCase): what a program needs to build its own forms. Other programs rely on
// these names: add fields freely, never rename or remove one within /api/v1. Every text comes in both languages.

public sealed record ApiText(string Nl, string En);

public sealed record ApiRange(decimal Central, decimal Low, decimal High);

public sealed record ApiModelDocument(
    string Version,
    int PriceYear,
    int DefaultDraws,
    ApiRange DiscountRate,
    IReadOnlyList<ApiTheme> Themes,
    IReadOnlyList<ApiReferenceProject> ReferenceProjects,
    IReadOnlyList<ApiPrice> Prices,
    IReadOnlyList<ApiProfession> Professions,
    IReadOnlyList<ApiSource> Sources,
    ApiIntensity Intensity,
    IReadOnlyList<ApiGrade> EvidenceGrades);

/// <summary>How the cost per participant scales the reference effects: (cost / usual)^elasticity below the usual cost; the warning bounds against the usual range.</summary>
public sealed record ApiIntensity(ApiRange Elasticity, decimal WarnBelow, decimal WarnAbove, decimal NotComparableBelow, decimal NotComparableAbove, ApiText Note);

/// <summary>An evidence grade: its words and the chance that an effect of this grade is left out of a simulation draw.</summary>
public sealed record ApiGrade(string Id, ApiText Label, ApiText Description, decimal AbsenceProbability);

public sealed record ApiTheme(string Id, ApiText Label, ApiText Description);

public sealed record ApiReferenceProject(
    string Id,
    string Theme,
    ApiText Label,
    ApiText Summary,
    ApiText Description,
    ApiText TargetGroup,
    ApiText Intensity,
    int TypicalParticipants,
    ApiRange TypicalCostPerParticipant,
    int TypicalDurationMonths,
    string Evidence,
    IReadOnlyList<ApiOutcome> Outcomes,
    IReadOnlyList<ApiQuestion> Questions,
    IReadOnlyList<ApiQualitative> Qualitative,
    IReadOnlyList<ApiNotClaimed> NotClaimed);

public sealed record ApiOutcome(string Id, ApiText Label, ApiText Description, string Unit, ApiRange Effect, string Evidence, IReadOnlyList<string> Prices,
    ApiText? EvidenceBasis = null, string EffectBasis = "assumption");

public sealed record ApiQuestion(string Id, ApiText Label, ApiText Why, IReadOnlyList<ApiOption> Options, IReadOnlyList<string> AppliesTo);

public sealed record ApiOption(string Id, ApiText Label, decimal Multiplier, bool IsReference);

public sealed record ApiQualitative(string Id, ApiText Text);

public sealed record ApiNotClaimed(string Id, ApiText Label, ApiText Reason);

public sealed record ApiPrice(string Id, ApiText Label, string Unit, ApiRange Value, int OriginalPriceYear, string Payer, string Domain, string Kind);

public sealed record ApiProfession(string Id, ApiText Label, string Sector, ApiRange HourlyCost);

public sealed record ApiSource(string Id, string Citation, int Year, string? Url, string Reliability);

/// <summary>The model document, built and serialised once (the model never changes while the app runs), with its ETag.</summary>
public sealed class ApiModel
{
    public ApiModel(ImpactModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Document = Build(model);
        Json = JsonSerializer.SerializeToUtf8Bytes(Document, Engine.Contract.MapContract.JsonOptions);
        ETag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Json))[..32] + "\"";
    }

    public ApiModelDocument Document { get; }

    public byte[] Json { get; }

    public string ETag { get; }

    private static ApiModelDocument Build(ImpactModel model) => new(
        model.Version,
        model.PriceYear,
        model.DefaultDraws,
        Range(model.DiscountRate),
        [.. model.Themes.Select(t => new ApiTheme(t.Id, Text(t.Label), Text(t.Description)))],
        [.. model.ReferenceProjects.Select(p => new ApiReferenceProject(
            p.Id, p.Theme.Id, Text(p.Label), Text(p.Summary), Text(p.Description), Text(p.TargetGroup), Text(p.Intensity),
            p.TypicalParticipants, Range(p.TypicalCostPerParticipant), p.TypicalDurationMonths, Name(p.Evidence),
            [.. p.Outcomes.Select(o => new ApiOutcome(o.Id, Text(o.Label), Text(o.Description), o.Unit.Id, Range(o.Effect), Name(o.Evidence), [.. o.Prices.Select(l => l.Price.Id)],
                o.EvidenceBasis is { } basis ? Text(basis) : null, o.Effect.Basis.IsCalibrated ? "calibrated" : o.EffectIsAssumed ? "assumption" : "measured"))],
            [.. p.Questions.Select(q => new ApiQuestion(q.Id, Text(q.Label), Text(q.Why),
                [.. q.Options.Select(o => new ApiOption(o.Id, Text(o.Label), o.Multiplier, o.IsReference))], q.AppliesTo))],
            [.. p.Qualitative.Select(q => new ApiQualitative(q.Id, Text(q.Text)))],
            [.. p.NotClaimed.Select(n => new ApiNotClaimed(n.Id, Text(n.Label), Text(n.Reason)))]))],
        [.. model.Prices.Select(p => new ApiPrice(p.Id, Text(p.Label), p.Unit.Id, Range(p.Value), p.OriginalPriceYear, p.Payer.Id, p.Domain.Id, Name(p.Kind)))],
        [.. model.Professions.Select(p => new ApiProfession(p.Id, Text(p.Label), p.Sector.Id, Range(p.HourlyCost)))],
        [.. model.Sources.Select(s => new ApiSource(s.Id, s.Citation, s.Year, s.Url, Name(s.Reliability)))],
        new ApiIntensity(Range(model.Intensity.Elasticity), model.Intensity.WarnBelow, model.Intensity.WarnAbove, model.Intensity.NotComparableBelow,
            model.Intensity.NotComparableAbove, Text(model.Intensity.Note)),
        [.. model.Evidence.Grades.Select(g => new ApiGrade(Name(g.Grade), Text(g.Label), Text(g.Description), g.AbsenceProbability))]);

    private static ApiText Text(Text text) => new(text.Nl, text.En);

    private static ApiRange Range(Estimate estimate) => new(estimate.Central, estimate.Low, estimate.High);

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
