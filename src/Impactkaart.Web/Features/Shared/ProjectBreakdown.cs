using System.Text.Json;
using System.Text.Json.Serialization;
using Impactkaart.Engine.Calculation;

namespace Impactkaart.Web.Features.Shared;

/// <summary>
/// What a funder's portfolio sums of a project's current map beyond the project row's columns: the participants,
/// the benefits per payer (who gains) and the hours saved per sector. Stored as JSON on the project row
/// (<see cref="Data.Project.Breakdown"/>) by every save, so a portfolio of a thousand projects needs no map computed.
/// Money in whole cents, keyed by the model's payer and sector ids.
/// </summary>
public sealed record ProjectBreakdown(
    [property: JsonPropertyName("participants")] int Participants,
    [property: JsonPropertyName("payers")] IReadOnlyDictionary<string, PayerCents> Payers,
    [property: JsonPropertyName("sectors")] IReadOnlyDictionary<string, SectorHours> Sectors)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static ProjectBreakdown Of(ImpactMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new ProjectBreakdown(
            map.Input.Participants,
            map.ByPayer.ToDictionary(p => p.Payer.Id, p => new PayerCents(Cents(p.Amount.Euros), Cents(p.Transfers.Euros)), StringComparer.Ordinal),
            map.HoursBySector().ToDictionary(s => s.Sector.Id, s => new SectorHours((double)s.Hours.Value, (double)s.Fte), StringComparer.Ordinal));
    }

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>The stored breakdown, or null when there is none yet (or it cannot be read: it is then made again).</summary>
    public static ProjectBreakdown? Read(string json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<ProjectBreakdown>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static long Cents(decimal euros) => (long)Math.Round(euros * 100m, MidpointRounding.AwayFromZero);
}

/// <summary>What one payer gains (present value, whole cents), and how much of it is transfers such as benefit payments.</summary>
public sealed record PayerCents([property: JsonPropertyName("cents")] long Cents, [property: JsonPropertyName("transfers")] long TransferCents);

/// <summary>Hours of professionals' work saved in one sector over the project's horizon, and the FTE they make.</summary>
public sealed record SectorHours([property: JsonPropertyName("hours")] double Hours, [property: JsonPropertyName("fte")] double Fte);
