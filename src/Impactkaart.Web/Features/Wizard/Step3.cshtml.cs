using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Wizard;

/// <summary>Step 3: the project's way of working against the reference project, and (in an evaluation) measured outcomes.</summary>
public sealed class Step3Model(MapService maps, RequestLanguage language) : FormPage(maps, language)
{
    private static readonly HashSet<int> AllSteps = [1, 2, 3];

    public bool Evaluation => State["fase"] == "evaluatie";

    /// <summary>
    /// Per outcome, the gross change per participant the model expects for this project without a measurement: the
    /// reference effect after the answers and the intensity, as the plan's map shows it. Empty while the steps before
    /// are not valid.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> Expected()
    {
        var withoutMeasurements = State.With(new ProjectState(), key => key.StartsWith(ProjectState.MeasuredPrefix, StringComparison.Ordinal));
        var validated = Maps.Validate(withoutMeasurements);
        return validated.IsValid
            ? ImpactCalculator.Compute(Maps.Model, validated.Value!, SimulationSettings.None).ByOutcome.ToDictionary(o => o.Outcome.Id, o => o.GrossEffectPerParticipant)
            : new Dictionary<string, decimal>();
    }

    public IActionResult OnGet() => ShowStepOrStartOver();

    public IActionResult OnPost()
    {
        State = PostedState();
        if (GoingBack)
        {
            return Redirect(State.Url("/stap-2"));
        }
        if (Project is null)
        {
            return Redirect(State.Url("/stap-1"));
        }
        CollectErrors(AllSteps);
        foreach (var key in Errors.Keys.Where(k => ProjectState.StepOf(FieldOf(k)) != 3).ToList())
        {
            OtherErrors.Add((State.Url($"/stap-{ProjectState.StepOf(FieldOf(key))}"), Errors[key]));
            Errors.Remove(key);
        }
        return Errors.Count > 0 || OtherErrors.Count > 0 ? Page() : Redirect(State.Url("/kaart"));
    }

    private static string FieldOf(string key) => ProjectState.Fields.FirstOrDefault(f => f.Key == key).Field ?? key;
}
