using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Wizard;

/// <summary>Step 2: reach and costs (a total, or by category with staff hours times a rate), and own hours.</summary>
[RequestSizeLimit(MaxFormBytes)]
public sealed class Step2Model(MapService maps, RequestLanguage language) : FormPage(maps, language)
{
    private static readonly HashSet<int> ThisStep = [2];

    /// <summary>The cost per participant of what was typed, once the reach and costs are valid (said under the costs).</summary>
    public CostCheck? CostCheck { get; private set; }

    /// <summary>The model's limits of a usual cost per participant, for the script.</summary>
    public Impactkaart.Engine.Model.IntensityRule Intensity => Maps.Model.Intensity;

    /// <summary>Answers emptied in step 1 because another reference project was chosen, said once at the top.</summary>
    public ReferenceChange? Change { get; private set; }

    public IActionResult OnGet()
    {
        var result = ShowStepOrStartOver();
        Change = ReferenceChange.From(Request.Query, Maps.Model);
        CostCheck = Project is null ? null : CostCheck.Of(Maps, State);
        return result;
    }

    public IActionResult OnPost()
    {
        State = PostedState();
        if (GoingBack)
        {
            return Redirect(State.Url("/stap-1"));
        }
        CollectErrors(ThisStep);
        OtherErrors.RemoveAll(e => !e.Url.StartsWith("/stap-1", StringComparison.Ordinal));
        if (Errors.Count > 0 || OtherErrors.Count > 0)
        {
            return Page();
        }
        WriteAmountsAsRead();
        return Redirect(State.Url("/stap-3"));
    }

    /// <summary>
    /// Valid numbers go on as the engine read them ("90.000" becomes 90000, "€ 1.250,50" 1250.5), so the address,
    /// a saved project file and every later reader hold the number itself, whatever rule they read it by.
    /// </summary>
    private void WriteAmountsAsRead()
    {
        foreach (var field in ProjectState.Fields.Where(f => f.Step == 2 && !f.IsList))
        {
            State[field] = field.Format(State[field]);
        }
    }
}
