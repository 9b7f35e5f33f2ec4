using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;

namespace Impactkaart.Engine.Tests;

internal static class Helpers
{
    public static ImpactModel Shipped => ModelLoader.Shipped;

    /// <summary>Validates a request the way every front end does and fails the test with the field messages if it is refused.</summary>
    public static ProjectInput Input(ImpactModel model, string referenceProject, int participants, decimal cost, Action<ProjectRequest>? change = null)
    {
        var request = new ProjectRequest
        {
            ReferenceProject = referenceProject,
            Participants = participants.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Cost = NumberText.Write(cost),
        };
        change?.Invoke(request);
        var validated = ProjectRequestValidator.Validate(model, request);
        Assert.True(validated.IsValid, string.Join("\n", validated.Errors.Select(e => $"{e.Field}: {e.Message.En}")));
        return validated.Value!;
    }

    public static ImpactMap Compute(ImpactModel model, ProjectInput input, int draws = 0, ulong seed = SimulationSettings.DefaultSeed, bool trail = false) =>
        ImpactCalculator.Compute(model, input, new SimulationSettings(draws, seed), trail);

    public static void Near(decimal expected, decimal actual, decimal tolerance = 0.000001m) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected} (+/- {tolerance}), got {actual}");
}
