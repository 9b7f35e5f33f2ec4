using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Map;

/// <summary>
/// The Impactkaart of one project on one page, and its "what if": change participants, costs or an answer on the
/// map itself and see it recalculated without walking the steps again.
/// </summary>
[RequestSizeLimit(MaxFormBytes)]
public sealed class MapModel(MapService maps, RequestLanguage language) : FormPage(maps, language)
{
    private static readonly HashSet<int> NoStep = [];
    private static readonly HashSet<int> AllSteps = [1, 2, 3];

    public ImpactMap? Map { get; private set; }

    public Impactkaart.Engine.Model.ImpactModel ImpactModel => Maps.Model;

    /// <summary>The address of this map, for the downloads and the "what if" form.</summary>
    public ProjectState MapState { get; private set; } = new();

    public IActionResult OnGet()
    {
        State = ProjectState.From(Request.Query);
        MapState = State;
        var (map, errors) = Maps.Compute(State.ToRequest());
        Map = map;
        AddErrors(errors, NoStep);
        if (Map is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public IActionResult OnPost()
    {
        MapState = ProjectState.From(Request.Query);
        State = PostedState();
        var (map, errors) = Maps.Compute(State.ToRequest());
        if (map is not null && CutValues.Count == 0)
        {
            return Redirect(State.Url("/kaart"));
        }
        // Keep showing the map as it was, with the messages next to the changed fields and the values as typed.
        AddErrors(CutValues.Concat(errors), AllSteps);
        Map = Maps.Compute(MapState.ToRequest()).Map;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The "what if" fields: participants, the costs as they were given, and every answer.</summary>
    public IReadOnlySet<string> WhatIfKeys
    {
        get
        {
            var keys = new HashSet<string>(StringComparer.Ordinal) { ProjectFields.Participants.FormKey! };
            keys.UnionWith(ProjectFields.Costs.Where(f => (f == ProjectFields.Cost) == (MapState[ProjectFields.Cost] is not null)).Select(f => f.FormKey!));
            if (Map is not null)
            {
                keys.UnionWith(Map.Input.ReferenceProject.Questions.Select(q => ProjectState.AnswerPrefix + q.Id));
            }
            return keys;
        }
    }
}
