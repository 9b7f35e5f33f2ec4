using Impactkaart.Web.Data;

namespace Impactkaart.Web.Features.Shared;

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
