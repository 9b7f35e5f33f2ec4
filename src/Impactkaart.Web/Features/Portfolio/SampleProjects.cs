using System.Globalization;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Projects;

namespace Impactkaart.Web.Features.Portfolio;

/// <summary>
/// Project rows as a save makes them (<see cref="ProjectStore"/>): the version holds the inputs (a project file),
/// the project and the version the figures the engine computes from them. Written in batches, without the save's
/// per-project transaction and audit entry, to fill an organisation for the portfolio's speed measurement.
/// </summary>
public static class SampleProjects
{
    /// <summary>A project with a plan, and when <paramref name="evaluation"/> is given a second version with it.</summary>
    public static (Project Project, List<ProjectVersion> Versions) Build(
        ImpactModel model, Member member, ProjectRequest plan, ProjectRequest? evaluation, DateTime savedAt)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(plan);
        var project = new Project
        {
            Id = Guid.CreateVersion7(), OrganisationId = member.OrganisationId, Name = plan.Name ?? "",
            CreatedAt = savedAt, UpdatedAt = savedAt, Revision = 1,
        };
        var versions = new List<ProjectVersion>();
        foreach (var request in evaluation is null ? [plan] : new[] { plan, evaluation })
        {
            var map = Compute(model, request);
            var version = ProjectStore.NewVersion(model, member, project, request, map, savedAt,
                versions.Count == 0 ? ProjectChanges.FirstVersion : "Evaluatie toegevoegd");
            versions.Add(version);
            ProjectStore.Apply(project, map, version, savedAt, hasEvaluation: version.Phase == Phase.Evaluation);
        }
        return (project, versions);
    }

    /// <summary>A valid request: a reference project, participants, total costs, a start date and a phase.</summary>
    public static ProjectRequest Request(string name, string referenceProject, int participants, decimal cost, DateOnly start, string phase = PhaseWord.Plan) =>
        new()
        {
            Name = name, ReferenceProject = referenceProject, Participants = participants.ToString(CultureInfo.InvariantCulture),
            Cost = NumberText.Write(cost), Start = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Phase = phase,
        };

    private static ImpactMap Compute(ImpactModel model, ProjectRequest request)
    {
        var validated = ProjectRequestValidator.Validate(model, request);
        if (!validated.IsValid)
        {
            throw new ArgumentException("Not a valid project: " + string.Join("; ", validated.Errors.Select(e => e.Field + ": " + e.Message.Nl)), nameof(request));
        }
        return ImpactCalculator.Compute(model, validated.Value!, SimulationSettings.None);
    }
}
