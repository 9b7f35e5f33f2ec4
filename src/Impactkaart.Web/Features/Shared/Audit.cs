using Impactkaart.Web.Data;

namespace Impactkaart.Web.Features.Shared;

/// <summary>Adds entries to the audit log in the same save as the change they describe.</summary>
public sealed class Audit(ImpactkaartDb db, TimeProvider clock)
{
    /// <summary>The time an entry written now carries (the passed-in clock), for the change it describes to carry too.</summary>
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Adds (does not save) one entry; the caller's SaveChanges writes it with the change itself.</summary>
    public void Add(Member? by, Guid organisationId, string action, string subject, string detail = "") =>
        db.AuditEntries.Add(new AuditEntry
        {
            OrganisationId = organisationId,
            MemberId = by?.Id,
            MemberName = by?.DisplayName ?? "",
            At = clock.GetUtcNow().UtcDateTime,
            Action = action,
            Subject = subject.Length > 300 ? subject[..300] : subject,
            Detail = detail,
        });

    /// <summary>
    /// Adds (does not save) one entry in another organisation's log, about something a member of
    /// <paramref name="byOrganisation"/> did that concerns it (a funder's acceptance in the provider's log, a
    /// provider's connection in the funder's log): the member is named with their organisation.
    /// </summary>
    public void AddForOther(Member by, string byOrganisation, Guid organisationId, string action, string subject, string detail = "")
    {
        ArgumentNullException.ThrowIfNull(by);
        var name = $"{by.DisplayName} ({byOrganisation})";
        db.AuditEntries.Add(new AuditEntry
        {
            OrganisationId = organisationId,
            MemberId = null,
            MemberName = name.Length > 200 ? name[..200] : name,
            At = clock.GetUtcNow().UtcDateTime,
            Action = action,
            Subject = subject.Length > 300 ? subject[..300] : subject,
            Detail = detail,
        });
    }
}

/// <summary>The action codes that the accounts and organisation pages write to the audit log.</summary>
public static class AuditCodes
{
    public const string OrganisationCreated = "organisation.created";
    public const string MemberInvited = "member.invited";
    public const string InvitationAccepted = "invitation.accepted";
    public const string InvitationRevoked = "invitation.revoked";
    public const string RoleChanged = "member.role-changed";
    public const string MemberRemoved = "member.removed";
    public const string PasswordReset = "account.password-reset";
}

/// <summary>The audit codes of funding; each is written in the logs of both organisations.</summary>
public static class FundingCodes
{
    public const string Requested = "funding.requested";
    public const string Accepted = "funding.accepted";
    public const string Declined = "funding.declined";
    public const string Ended = "funding.ended";
    public const string Connected = "funding.connected";
    public const string Disconnected = "funding.disconnected";
    public const string Viewed = "funding.viewed";
    public const string AgreementProposed = "funding.agreement-proposed";
    public const string AgreementWithdrawn = "funding.agreement-withdrawn";
    public const string AgreementAccepted = "funding.agreement-accepted";
    public const string AgreementDeclined = "funding.agreement-declined";
    public const string AgreementReported = "funding.agreement-reported";
}
