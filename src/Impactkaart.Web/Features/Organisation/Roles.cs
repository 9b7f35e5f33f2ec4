using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Shared;

namespace Impactkaart.Web.Features.OrganisationAdmin;

/// <summary>Roles as a user reads them and as forms post them ("Lid"/"Beheerder" in the form, the enum in the store).</summary>
public static class Roles
{
    public static string Name(MemberRole role, RequestLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return role == MemberRole.Admin ? lang.T("Beheerder", "Admin") : lang.T("Lid", "Member");
    }

    /// <summary>Dutch plain name, for the audit log (which is stored once, in Dutch).</summary>
    public static string Dutch(MemberRole role) => role == MemberRole.Admin ? "Beheerder" : "Lid";

    public static MemberRole? Parse(string? posted) => posted switch
    {
        "beheerder" => MemberRole.Admin,
        "lid" => MemberRole.Member,
        _ => null,
    };

    public static string FormValue(MemberRole role) => role == MemberRole.Admin ? "beheerder" : "lid";
}

/// <summary>Times as a Dutch organisation reads them: in Dutch local time (Europe/Amsterdam), stored as UTC.</summary>
public static class LocalTime
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static string Date(DateTime utc, RequestLanguage lang) => Local(utc).ToString("d MMMM yyyy", Culture(lang));

    public static string DateAndTime(DateTime utc, RequestLanguage lang) => Local(utc).ToString("d MMM yyyy HH:mm", Culture(lang));

    private static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    private static System.Globalization.CultureInfo Culture(RequestLanguage lang) =>
        System.Globalization.CultureInfo.GetCultureInfo(lang.IsEnglish ? "en-GB" : "nl-NL");

    private static TimeZoneInfo FindZone()
    {
        // A machine without time-zone data shows UTC rather than failing the page.
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
