using System.Text.Json.Nodes;
using Impactkaart.Engine.Model;

namespace Impactkaart.Engine.Tests;

/// <summary>
/// A minimal valid model in memory, small enough to work out by hand: one theme, one reference project with one
/// outcome that moves one price (100 euro per unit, in the model's price year, freeing 0.5 hours of a profession
/// with 1,500 productive hours per FTE-year) and, optionally, a transfer.
/// Tests change its JSON to check the validator and the laws of the calculation.
/// </summary>
internal sealed class TinyModel
{
    public Dictionary<string, JsonNode> Files { get; } = new(StringComparer.Ordinal)
    {
        ["model.json"] = JsonNode.Parse("""
            {
              "version": "test-1", "priceYear": 2024, "defaultDraws": 1000, "ownProfession": "werker",
              "discountRate": { "central": 0.0225, "source": "bron-a" },
              "priceIndex": { "source": "bron-a", "baseYear": 2023, "yearlyChangePercent": { "2023": 0, "2024": 10 } },
              "units": [ { "id": "uur", "label": { "nl": "uur", "en": "hour" }, "plural": { "nl": "uur", "en": "hours" } }, { "id": "maand", "label": { "nl": "maand", "en": "month" }, "plural": { "nl": "maanden", "en": "months" } } ],
              "intensity": { "elasticity": { "central": 0.75, "source": "bron-a" }, "warnBelow": 0.5, "warnAbove": 2, "notComparableBelow": 0.2,
                "notComparableAbove": 4, "note": { "nl": "n", "en": "n" } },
              "evidence": {
                "grades": [
                  { "id": "strong", "absenceProbability": 0, "label": { "nl": "sterk", "en": "strong" }, "description": { "nl": "d", "en": "d" } },
                  { "id": "moderate", "absenceProbability": 0, "label": { "nl": "redelijk", "en": "moderate" }, "description": { "nl": "d", "en": "d" } },
                  { "id": "limited", "absenceProbability": 0, "label": { "nl": "beperkt", "en": "limited" }, "description": { "nl": "d", "en": "d" } },
                  { "id": "indicative", "absenceProbability": 0, "label": { "nl": "indicatief", "en": "indicative" }, "description": { "nl": "d", "en": "d" } },
                  { "id": "contradicted", "absenceProbability": 0, "label": { "nl": "tegengesproken", "en": "contradicted" }, "description": { "nl": "d", "en": "d" } } ],
                "absence": { "source": "bron-a" },
                "answerSpread": { "central": 1, "source": "bron-a" } }
            }
            """)!,
        ["sources.json"] = JsonNode.Parse("""
            { "sources": [ { "id": "bron-a", "citation": "Bron A", "year": 2024, "url": null, "reliability": "official" } ] }
            """)!,
        ["payers.json"] = JsonNode.Parse("""
            { "payers": [
              { "id": "gemeente", "label": { "nl": "Gemeente", "en": "Municipality" }, "description": { "nl": "g", "en": "m" } },
              { "id": "zorgverzekeraar", "label": { "nl": "Zorgverzekeraar", "en": "Insurer" }, "description": { "nl": "z", "en": "i" } } ] }
            """)!,
        ["domains.json"] = JsonNode.Parse("""
            { "domains": [ { "id": "zorg", "label": { "nl": "Zorg", "en": "Care" } }, { "id": "inkomen", "label": { "nl": "Inkomen", "en": "Income" } } ] }
            """)!,
        ["professions.json"] = JsonNode.Parse("""
            { "sectors": [ { "id": "sociaal-werk", "label": { "nl": "Sociaal werk", "en": "Social work" } } ],
              "professions": [ { "id": "werker", "sector": "sociaal-werk", "label": { "nl": "Werker", "en": "Worker" },
                "hourlyCost": { "central": 60, "source": "bron-a" }, "productiveHoursPerFteYear": { "central": 1500, "source": "bron-a" } } ] }
            """)!,
        ["prices/test.json"] = JsonNode.Parse("""
            { "prices": [
              { "id": "zorg-uur", "label": { "nl": "Zorguur", "en": "Care hour" }, "unit": "uur", "priceYear": 2024,
                "payer": "zorgverzekeraar", "domain": "zorg", "kind": "resource",
                "value": { "central": 100, "low": 80, "high": 120, "source": "bron-a" },
                "labour": [ { "profession": "werker", "hoursPerUnit": { "central": 0.5, "source": "bron-a" } } ] },
              { "id": "uitkering", "label": { "nl": "Uitkering", "en": "Benefit" }, "unit": "maand", "priceYear": 2023,
                "payer": "gemeente", "domain": "inkomen", "kind": "transfer",
                "value": { "central": 1000, "source": "bron-a" }, "labour": [] } ] }
            """)!,
        ["themes.json"] = JsonNode.Parse("""
            { "themes": [ { "id": "thema", "label": { "nl": "Thema", "en": "Theme" }, "description": { "nl": "t", "en": "t" } } ] }
            """)!,
        ["questions.json"] = JsonNode.Parse("""
            { "questions": [
              { "id": "v1", "label": { "nl": "V1", "en": "Q1" }, "why": { "nl": "w", "en": "w" }, "options": [
                { "id": "laag", "label": { "nl": "Laag", "en": "Low" }, "multiplier": 0.5, "assumption": { "nl": "a", "en": "a" } },
                { "id": "ref", "label": { "nl": "Ref", "en": "Ref" }, "multiplier": 1, "reference": true } ] },
              { "id": "v2", "label": { "nl": "V2", "en": "Q2" }, "why": { "nl": "w", "en": "w" }, "options": [
                { "id": "ref", "label": { "nl": "Ref", "en": "Ref" }, "multiplier": 1, "reference": true },
                { "id": "hoog", "label": { "nl": "Hoog", "en": "High" }, "multiplier": 1.5, "assumption": { "nl": "a", "en": "a" } } ] },
              { "id": "v3", "label": { "nl": "V3", "en": "Q3" }, "why": { "nl": "w", "en": "w" }, "options": [
                { "id": "ref", "label": { "nl": "Ref", "en": "Ref" }, "multiplier": 1, "reference": true },
                { "id": "anders", "label": { "nl": "Anders", "en": "Other" }, "multiplier": 0.9, "assumption": { "nl": "a", "en": "a" } } ] },
              { "id": "v4", "label": { "nl": "V4", "en": "Q4" }, "why": { "nl": "w", "en": "w" }, "options": [
                { "id": "ref", "label": { "nl": "Ref", "en": "Ref" }, "multiplier": 1, "reference": true },
                { "id": "anders", "label": { "nl": "Anders", "en": "Other" }, "multiplier": 1.1, "assumption": { "nl": "a", "en": "a" } } ] } ] }
            """)!,
        ["reference-projects/proef.json"] = JsonNode.Parse("""
            {
              "id": "proef", "theme": "thema",
              "label": { "nl": "Proef", "en": "Trial" }, "summary": { "nl": "s", "en": "s" }, "description": { "nl": "d", "en": "d" },
              "targetGroup": { "nl": "t", "en": "t" }, "intensity": { "nl": "i", "en": "i" },
              "typicalParticipants": 10, "typicalCostPerParticipant": { "central": 100, "source": "bron-a" }, "typicalDurationMonths": 12,
              "evidence": "moderate",
              "outcomes": [ {
                "id": "minder-zorg", "label": { "nl": "Minder zorg", "en": "Less care" }, "description": { "nl": "d", "en": "d" },
                "unit": "uur",
                "effect": { "central": 2, "low": 1, "high": 3, "source": "bron-a" },
                "deadweight": { "central": 0.25, "low": 0.1, "high": 0.4, "source": "bron-a" },
                "attribution": { "central": 0.8, "source": "bron-a" },
                "startsAfterMonths": 0, "durationYears": 2,
                "dropOff": { "central": 0.5, "source": "bron-a" },
                "evidence": "moderate", "evidenceBasis": { "nl": "Een proef.", "en": "A trial." },
                "prices": [ { "price": "zorg-uur", "unit": "uur", "quantity": 1 } ] } ],
              "qualitative": [ { "id": "q", "text": { "nl": "Beter", "en": "Better" } } ],
              "questions": [ { "id": "v1" }, { "id": "v2" }, { "id": "v3" }, { "id": "v4" } ],
              "notClaimed": []
            }
            """)!,
    };

    public JsonObject Project => Files["reference-projects/proef.json"].AsObject();

    public JsonObject Outcome => Project["outcomes"]![0]!.AsObject();

    public JsonObject CarePrice => Files["prices/test.json"]["prices"]![0]!.AsObject();

    public JsonObject Settings => Files["model.json"].AsObject();

    /// <summary>Sets the chance that an effect of each grade is absent in a draw (strong to contradicted; none by default).</summary>
    public TinyModel WithAbsence(params decimal[] byGrade)
    {
        var grades = Settings["evidence"]!["grades"]!.AsArray();
        for (var i = 0; i < grades.Count; i++)
        {
            grades[i]!["absenceProbability"] = byGrade[i];
        }
        return this;
    }

    /// <summary>Adds a second outcome that avoids benefit months (a transfer of 1,000 euro at 2023 prices, 1,100 at 2024 prices).</summary>
    public TinyModel WithBenefitOutcome()
    {
        Project["outcomes"]!.AsArray().Add(JsonNode.Parse("""
            { "id": "minder-uitkering", "label": { "nl": "Minder uitkering", "en": "Less benefit" }, "description": { "nl": "d", "en": "d" },
              "unit": "maand", "effect": { "central": 1, "source": "bron-a" }, "deadweight": { "central": 0, "source": "bron-a" },
              "attribution": { "central": 1, "source": "bron-a" }, "startsAfterMonths": 0, "durationYears": 1,
              "dropOff": { "central": 0, "source": "bron-a" }, "evidence": "limited", "evidenceBasis": { "nl": "Een studie.", "en": "A study." },
              "prices": [ { "price": "uitkering", "unit": "maand", "quantity": 1 } ] }
            """));
        return this;
    }

    public IReadOnlyList<ModelFile> ToFiles() => [.. Files.Select(f => new ModelFile(f.Key, f.Value.ToJsonString()))];

    public ModelLoadResult Load() => ModelLoader.Load(ToFiles());

    public ImpactModel Build()
    {
        var result = Load();
        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Select(p => p.Describe(Language.En))));
        return result.Model!;
    }
}
