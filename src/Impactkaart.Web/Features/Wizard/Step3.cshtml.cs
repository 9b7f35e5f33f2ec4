using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Wizard;

/// <summary>Step 3: the project's way of working against the reference project, and (in an evaluation) measured outcomes.</summary>
[RequestSizeLimit(MaxFormBytes)]
public sealed class Step3Model(MapService maps, RequestLanguage language) : FormPage(maps, language)
{
    private static readonly HashSet<int> AllSteps = [1, 2, 3];
    private static readonly string[] CostKeys = ProjectFields.Costs.Select(f => f.FormKey!).ToArray();

    public bool Evaluation => PhaseWord.Parse(State["fase"]) == Phase.Evaluation;

    /// <summary>
    /// Per outcome, the gross change per participant the model expects for this project without a measurement: the
    /// reference effect after the answers and the intensity, as the plan's map shows it. Empty while the steps before
    /// are not valid.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> Expected()
    {
        var withoutMeasurements = State.With(new ProjectState(), key => key.StartsWith(ProjectState.MeasuredPrefix, StringComparison.Ordinal));
        var validated = Maps.Validate(withoutMeasurements.ToRequest());
        return validated.IsValid
            ? ImpactCalculator.Compute(Maps.Model, validated.Value!, SimulationSettings.None).ByOutcome.ToDictionary(o => o.Outcome.Id, o => o.GrossEffectPerParticipant)
            : new Dictionary<string, decimal>();
    }

    /// <summary>
    /// Said at the top when the cost per participant is far from usual: the warning the script gives on step 2 as the
    /// user types, here for browsers without JavaScript (and a second look for everyone). It does not stop the user.
    /// </summary>
    public CostCheck? UnusualCost { get; private set; }

    /// <summary>The costs on step 2: the total when it was typed, else the first category filled in.</summary>
    public string CostsUrl => State.Url("/stap-2") + "#" + (CostKeys.FirstOrDefault(k => State[k] is not null) ?? "kosten");

    public IActionResult OnGet()
    {
        var result = ShowStepOrStartOver();
        CheckCost();
        return result;
    }

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
        CheckCost();
        CollectErrors(AllSteps);
        foreach (var key in Errors.Keys.Where(k => ProjectState.StepOf(FieldOf(k)) != 3).ToList())
        {
            OtherErrors.Add((State.Url($"/stap-{ProjectState.StepOf(FieldOf(key))}"), Errors[key]));
            Errors.Remove(key);
        }
        return Errors.Count > 0 || OtherErrors.Count > 0 ? Page() : Redirect(State.Url("/kaart"));
    }

    private static string FieldOf(string key) => ProjectState.FieldNameOf(key);

    private void CheckCost() => UnusualCost = Project is null ? null : CostCheck.Of(Maps, State) is { IsUnusual: true } check ? check : null;
}
