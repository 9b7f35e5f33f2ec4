using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Reports.Tests;

/// <summary>Maps computed by the engine from the shipped model, as the web app and the CLI compute them.</summary>
internal static class Maps
{
    public static ImpactModel Model => ModelLoader.Shipped;

    /// <summary>The published acceptance example: budget coaching, 80 participants, EUR 90,000; ratio 1.90.</summary>
    public static ImpactMap Budgetcoaching(string? name = null) => Compute("budgetcoaching", "80", "90000", name);

    /// <summary>The published acceptance example: home visits to the elderly, 40 participants, EUR 37,000; about 900 care hours.</summary>
    public static ImpactMap HomeVisits(string? name = null) => Compute("huisbezoek-ouderen", "40", "37000", name);

    /// <summary>Budget coaching at a tenth of its usual cost per participant (100 participants, EUR 11,250): the map must warn.</summary>
    public static ImpactMap CheapBudgetcoaching() => Compute("budgetcoaching", "100", "11250");

    /// <summary>
    /// The map with the chances that benefits exceed costs set as given, e.g. 1 (every draw paid off) or 0 (none did):
    /// what a renderer must show without claiming a certainty.
    /// </summary>
    public static ImpactMap WithChances(ImpactMap map, decimal money, decimal welfare) => map with
    {
        Uncertainty = map.Uncertainty! with
        {
            ProbabilityRatioAboveOne = Fraction.FromDecimal(money),
            ProbabilityWelfareRatioAboveOne = Fraction.FromDecimal(welfare),
        },
    };

    public static ImpactMap Compute(string reference, string participants, string cost, string? name = null, Action<ProjectRequest>? more = null)
    {
        var request = new ProjectRequest { ReferenceProject = reference, Participants = participants, Cost = cost, Name = name };
        more?.Invoke(request);
        var validated = ProjectRequestValidator.Validate(Model, request);
        Assert.True(validated.IsValid, string.Join("; ", validated.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return ImpactCalculator.Compute(Model, validated.Value!, new SimulationSettings(2000, SimulationSettings.DefaultSeed), withTrail: true);
    }

    /// <summary>Writes a produced file to the folder in IMPACTKAART_REPORTS_OUT, when set, so a person can look at it.</summary>
    public static void Keep(string fileName, byte[] bytes)
    {
        if (Environment.GetEnvironmentVariable("IMPACTKAART_REPORTS_OUT") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, fileName), bytes);
        }
    }
}
