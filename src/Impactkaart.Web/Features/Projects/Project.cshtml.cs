using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Projects;

/// <summary>
/// One saved project: its current figures, plan and evaluation side by side with the differences in words, what a
/// newer model would change, and its history of versions.
/// </summary>
public sealed class ProjectDetailsModel(ProjectStore store, ImpactkaartDb db, CurrentMember current, RequestLanguage language) : ProjectPage(store, current, language)
{
    /// <summary>The funders this project is connected to, waiting or visible.</summary>
    public IReadOnlyList<ProjectFunder> Connections { get; private set; } = [];

    public IReadOnlyList<ProjectVersion> Versions { get; private set; } = [];

    public ProjectVersion? Plan { get; private set; }

    public ProjectVersion? Evaluation { get; private set; }

    /// <summary>The version whose figures the project shows (<see cref="ProjectStore.CurrentFirst"/>).</summary>
    public ProjectVersion Shown => ProjectStore.CurrentOf(Versions)!;

    public ImpactMap? PlanMap { get; private set; }

    public ImpactMap? EvaluationMap { get; private set; }

    public IReadOnlyList<string> Differences { get; private set; } = [];

    /// <summary>
    /// The shown version's map, recomputed, when the running model is the one that computed it (so its figures are
    /// the saved ones); null otherwise, and the page shows the saved ratio with the model check below it.
    /// </summary>
    public ImpactMap? ShownMap => Shown.ModelVersion == RunningModel ? (Evaluation is null ? PlanMap : EvaluationMap) : null;

    public IReadOnlyList<ModelCheck> ModelChecks { get; private set; } = [];

    public string RunningModel => Store.Model.Version;

    public string ThemeName => Store.Model.Themes.FirstOrDefault(t => t.Id == Project!.Theme) is { } theme ? Lang[theme.Label] : Project!.Theme;

    public string ReferenceName(string id) => Store.Model.FindReferenceProject(id) is { } project ? Lang[project.Label] : id;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var member = await Members.RequireAsync(HttpContext.RequestAborted);
        Project = await Store.FindAsync(member.OrganisationId, id, HttpContext.RequestAborted);
        if (Project is null)
        {
            return NotFound();
        }
        Versions = await Store.VersionsAsync(member.OrganisationId, id, HttpContext.RequestAborted);
        Plan = Versions.FirstOrDefault(v => v.Phase == Phase.Plan);
        Evaluation = Versions.FirstOrDefault(v => v.Phase == Phase.Evaluation);
        if (Plan is null && Evaluation is null)
        {
            return NotFound();
        }
        var checks = new List<ModelCheck>();
        (PlanMap, var planErrors) = Plan is null ? (null, []) : Store.Recompute(Plan);
        (EvaluationMap, var evaluationErrors) = Evaluation is null ? (null, []) : Store.Recompute(Evaluation);
        foreach (var (version, map, errors) in new[] { (Plan, PlanMap, planErrors), (Evaluation, EvaluationMap, evaluationErrors) })
        {
            if (version is not null && version.ModelVersion != RunningModel)
            {
                checks.Add(new ModelCheck(version, Figures.Of(version), map is null ? null : Figures.Of(map), errors, StateOf(version)));
            }
        }
        ModelChecks = checks;
        Connections = await FundersAsync(member.OrganisationId, id);
        if (Plan is not null && Evaluation is not null && PlanMap is not null && EvaluationMap is not null)
        {
            Differences = ProjectComparison.Explain(PlanMap.Input, EvaluationMap.Input, PlanMap.ByOutcome, Figures.Of(Plan), Figures.Of(Evaluation), Lang);
        }
        return Page();
    }

    /// <summary>
    /// The project's connections to funders, read here from the store rather than through the Funding feature (which
    /// itself reads projects): a funder sees the project once it has accepted the provider.
    /// </summary>
    private async Task<List<ProjectFunder>> FundersAsync(Guid organisationId, Guid projectId)
    {
        var rows = await (
            from f in db.FundedProjects.AsNoTracking()
            where f.ProviderId == organisationId && f.ProjectId == projectId
            join o in db.Organisations.AsNoTracking() on f.FunderId equals o.Id
            join r in db.FunderRelations.AsNoTracking() on new { f.ProviderId, f.FunderId } equals new { r.ProviderId, r.FunderId }
            select new { o.Name, f.Scheme, f.ConnectedAt, r.AcceptedAt })
            .ToListAsync(HttpContext.RequestAborted);
        return [.. rows.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).Select(r => new ProjectFunder(r.Name, r.Scheme,
            r.AcceptedAt is { } accepted ? (accepted > r.ConnectedAt ? accepted : r.ConnectedAt) : null))];
    }

    /// <summary>The plan's input as the start of the evaluation: the same project, now looking back.</summary>
    public ProjectState EvaluationStart()
    {
        var state = StateOf(Plan!);
        state["fase"] = PhaseWord.Evaluation;
        return state;
    }

    /// <summary>The field of a message and the wizard step where it is fixed, for a version the running model no longer accepts.</summary>
    public string FixUrl(ModelCheck check, FieldError error)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(error);
        return check.State.Url($"/stap-{ProjectState.StepOf(error.Field)}");
    }
}

/// <summary>One funder the project is connected to: its name, the scheme, and since when it sees the project (null while waiting for its approval).</summary>
public sealed record ProjectFunder(string FunderName, string Scheme, DateTime? VisibleSince);

/// <summary>A version computed with another model: its stored figures, the figures the running model gives (or why it cannot).</summary>
public sealed record ModelCheck(ProjectVersion Version, Figures Stored, Figures? Recomputed, IReadOnlyList<FieldError> Errors, ProjectState State);
