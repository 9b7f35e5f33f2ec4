using Impactkaart.Web.Features.Shared;

namespace Impactkaart.Web.Features.OrganisationAdmin;

/// <summary>
/// What each audit action code means, in plain words, for the log page (/organisatie/logboek). One table for every
/// feature: add a line here when a feature writes a new code. A code without a line is shown as it is.
/// </summary>
public static class AuditDescriptions
{
    private static readonly Dictionary<string, (string Nl, string En)> Known = new(StringComparer.Ordinal)
    {
        [AuditCodes.OrganisationCreated] = ("Organisatie aangemeld", "Organisation registered"),
        [AuditCodes.MemberInvited] = ("Collega uitgenodigd", "Colleague invited"),
        [AuditCodes.InvitationAccepted] = ("Uitnodiging aangenomen", "Invitation accepted"),
        [AuditCodes.InvitationRevoked] = ("Uitnodiging ingetrokken", "Invitation revoked"),
        [AuditCodes.RoleChanged] = ("Rol gewijzigd", "Role changed"),
        [AuditCodes.MemberRemoved] = ("Lid verwijderd", "Member removed"),
        [AuditCodes.PasswordReset] = ("Nieuw wachtwoord gekozen", "New password chosen"),
        ["organisation.kind-changed"] = ("Soort organisatie gewijzigd (aanbieder, financier)", "Kind of organisation changed (provider, funder)"),
        ["project.created"] = ("Project aangemaakt", "Project created"),
        ["project.saved"] = ("Project opgeslagen", "Project saved"),
        ["project.deleted"] = ("Project verwijderd", "Project deleted"),
        ["project.recalculated"] = ("Project herberekend met het nieuwe model", "Project recalculated with the new model"),
        ["share.created"] = ("Deellink gemaakt", "Share link created"),
        ["share.revoked"] = ("Deellink ingetrokken", "Share link revoked"),
        ["apikey.created"] = ("API-sleutel gemaakt", "API key created"),
        ["apikey.revoked"] = ("API-sleutel ingetrokken", "API key revoked"),
        [FundingCodes.Requested] = ("Samenwerking met financier gevraagd", "Asked a funder to work together"),
        [FundingCodes.Accepted] = ("Samenwerking met financier aangenomen", "Funder relation accepted"),
        [FundingCodes.Declined] = ("Verzoek van aanbieder afgewezen", "Provider's request declined"),
        [FundingCodes.Ended] = ("Samenwerking met financier beëindigd", "Funder relation ended"),
        [FundingCodes.Connected] = ("Project gekoppeld aan financier", "Project connected to a funder"),
        [FundingCodes.Disconnected] = ("Project ontkoppeld van financier", "Project disconnected from a funder"),
        [FundingCodes.Viewed] = ("Gekoppelde projecten bekeken door financier", "Connected projects viewed by the funder"),
        [FundingCodes.AgreementProposed] = ("Resultaatafspraak voorgesteld", "Result agreement proposed"),
        [FundingCodes.AgreementWithdrawn] = ("Voorstel voor resultaatafspraak ingetrokken", "Result agreement proposal withdrawn"),
        [FundingCodes.AgreementAccepted] = ("Resultaatafspraak aangenomen", "Result agreement accepted"),
        [FundingCodes.AgreementDeclined] = ("Voorstel voor resultaatafspraak afgewezen", "Result agreement proposal declined"),
        [FundingCodes.AgreementReported] = ("Resultaat gemeld bij een afspraak", "Result reported on an agreement"),
    };

    /// <summary>The description of a code in the request's language, or the code itself when it has none.</summary>
    public static string Describe(string action, RequestLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(lang);
        return Known.TryGetValue(action, out var text) ? lang.T(text.Nl, text.En) : action;
    }

    /// <summary>Whether the code has a description (for the test that every code written is described).</summary>
    public static bool IsKnown(string action) => Known.ContainsKey(action);
}
