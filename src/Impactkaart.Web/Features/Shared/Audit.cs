using Impactkaart.Web.Data;

namespace Impactkaart.Web.Features.Shared;

/// <summary>Adds entries to the audit log in the same save as the change they describe.</summary>
public sealed class Audit(ImpactkaartDb db, TimeProvider clock)
{
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
