using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Accounts;
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

    /// <summary>"14:05" today, else "25-11-2026 14:05", in Dutch time (the audience's), whatever the server's zone.</summary>
    public string When(DateTime utc) => ProjectTime.Describe(utc, Lang);

    public string PhaseName(string phase) => phase == ProjectStore.EvaluationPhase ? Lang.T("evaluatie", "evaluation") : Lang.T("plan", "plan");
}

/// <summary>Times as the users read them: in the Netherlands' zone, in the request's language.</summary>
public static class ProjectTime
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>"26-11-2026 14:05" (Dutch) or "26/11/2026 14:05" (English).</summary>
    public static string Describe(DateTime utc, RequestLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return Local(utc).ToString("g", language.Formats.Culture);
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            // A container without time-zone data: UTC, which the page then says.
            return TimeZoneInfo.Utc;
        }
    }
}
