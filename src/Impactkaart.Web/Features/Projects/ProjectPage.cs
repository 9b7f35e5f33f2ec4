using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Accounts;
using Impactkaart.Web.Features.Portfolio;
using Impactkaart.Web.Features.Shared;

namespace Impactkaart.Web.Features.Projects;

/// <summary>A page of one saved project: the store, the signed-in member, and the map addresses of its versions.</summary>
public abstract class ProjectPage(ProjectStore store, CurrentMember current, RequestLanguage language) : AccountPage(language)
{
    protected ProjectStore Store => store;

    protected CurrentMember Members => current;

    public Project? Project { get; protected set; }

    /// <summary>The input of a version as a map state, marked with the project and its current revision so saving it again makes a new version.</summary>
    public ProjectState StateOf(ProjectVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var state = ProjectStore.ReadRequest(version.Input) is { } request ? ProjectState.FromRequest(request) : new ProjectState();
        if (Project is { } project)
        {
            state[ProjectState.ProjectKey] = project.Id.ToString();
            state[ProjectState.RevisionKey] = project.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return state;
    }

    /// <summary>"26-11-2026 14:05", in Dutch time (the users'), whatever the server's zone.</summary>
    public static string When(DateTime utc) => DutchTime.DateAndTime(utc);

    /// <summary>"op 26-11-2026 om 14:05" (or "on 26-11-2026 at 14:05"), for a sentence.</summary>
    public string DayAndTime(DateTime utc) =>
        Lang.T($"op {DutchTime.Date(utc)} om {DutchTime.Local(utc):HH:mm}", $"on {DutchTime.Date(utc)} at {DutchTime.Local(utc):HH:mm}");

    public string PhaseName(Phase phase) => phase == Phase.Evaluation ? Lang.T("evaluatie", "evaluation") : Lang.T("plan", "plan");
}
