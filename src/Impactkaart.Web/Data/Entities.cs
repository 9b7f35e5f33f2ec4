using Impactkaart.Engine.Calculation;
using Microsoft.AspNetCore.Identity;

namespace Impactkaart.Web.Data;

/// <summary>An organisation (a welfare foundation, a team): owns its members, projects and share links.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

/// <summary>What a member may do: every member keeps projects; an admin also manages members and reads the audit log.</summary>
public enum MemberRole
{
    Member,
    Admin,
}

/// <summary>An account (ASP.NET Core Identity user) of exactly one organisation. Never a client: clients are counts.</summary>
public sealed class Member : IdentityUser<Guid>
{
    public Guid OrganisationId { get; set; }

    public string DisplayName { get; set; } = "";

    public MemberRole Role { get; set; }

    public DateTime JoinedAt { get; set; }

    /// <summary>Set when an admin removes the member; the account can no longer sign in and its session ends.</summary>
    public DateTime? RemovedAt { get; set; }
}

/// <summary>An invitation for a colleague, by email; the link's token is stored only as its SHA-256 hash.</summary>
public sealed class Invitation
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public string Email { get; set; } = "";

    public MemberRole Role { get; set; }

    public string TokenHash { get; set; } = "";

    public Guid InvitedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

/// <summary>
/// A saved project: its versions hold the inputs; the row itself holds what the portfolio lists and sums (the
/// figures of the current map: the newest evaluation, else the newest plan), so a portfolio of ten thousand
/// projects is one indexed query. Money in whole cents, so sums are exact on every database.
/// </summary>
public sealed class Project
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public string Name { get; set; } = "";

    public string ReferenceProject { get; set; } = "";

    public string Theme { get; set; } = "";

    public int StartYear { get; set; }

    /// <summary>Plan until an evaluation is saved, then evaluation (stored as the words "plan" and "evaluatie").</summary>
    public Phase Phase { get; set; }

    /// <summary>Raised on every save; a save based on an older revision is refused (optimistic concurrency).</summary>
    public int Revision { get; set; }

    public int LatestVersion { get; set; }

    public long InvestedCents { get; set; }

    public long BenefitsCents { get; set; }

    public double? Ratio { get; set; }

    public double HoursSaved { get; set; }

    public double FteSaved { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Set when deleted: the project is gone for everyone (its share links too), its history stays for the audit log.</summary>
    public DateTime? DeletedAt { get; set; }
}

/// <summary>One save of a project: the inputs as entered (the JSON of a project file), the model version and the figures then.</summary>
public sealed class ProjectVersion
{
    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public Guid OrganisationId { get; set; }

    public int Number { get; set; }

    /// <summary>Plan or evaluation (stored as the words "plan" and "evaluatie").</summary>
    public Phase Phase { get; set; }

    /// <summary>The project file (ProjectRequestJson), so a version can be reopened, recalculated or downloaded.</summary>
    public string Input { get; set; } = "";

    public string ModelVersion { get; set; } = "";

    public long InvestedCents { get; set; }

    public long BenefitsCents { get; set; }

    public double? Ratio { get; set; }

    public double HoursSaved { get; set; }

    public double FteSaved { get; set; }

    public Guid SavedBy { get; set; }

    public string SavedByName { get; set; } = "";

    public DateTime SavedAt { get; set; }

    /// <summary>What changed against the version before, in plain words (Dutch), one line per change.</summary>
    public string Changes { get; set; } = "";
}

/// <summary>A read-only link to one project's map for a funder. Only the SHA-256 hash of its token is stored.</summary>
public sealed class ShareLink
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid ProjectId { get; set; }

    public string TokenHash { get; set; } = "";

    public string Label { get; set; } = "";

    public Guid CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}

/// <summary>One change in an organisation: who did what to which project, member or link, and when.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid? MemberId { get; set; }

    public string MemberName { get; set; } = "";

    public DateTime At { get; set; }

    /// <summary>A short code, e.g. "project.saved", "member.removed", "share.revoked".</summary>
    public string Action { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Detail { get; set; } = "";
}

/// <summary>
/// An organisation's key for the JSON API (/api/v1/projects). The key itself is shown once to the admin who makes
/// it; only its SHA-256 hash is stored, plus a short prefix so people can tell their keys apart.
/// </summary>
public sealed class ApiKey
{
    public const string Read = "read";

    public const string ReadWrite = "read-write";

    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The first characters of the key, shown in the list (never enough to use it).</summary>
    public string Prefix { get; set; } = "";

    public string KeyHash { get; set; } = "";

    /// <summary>"read" or "read-write".</summary>
    public string Scope { get; set; } = Read;

    public Guid CreatedBy { get; set; }

    public string CreatedByName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }
}

/// <summary>
/// A registration waiting for its address to be confirmed: it claims nothing (no organisation, no account) until
/// the person follows the emailed link, so nobody can take a colleague's address by registering it first. The
/// password is kept only as Identity's hash, the link's token only as its SHA-256 hash. Expired rows are removed
/// at the next registration.
/// </summary>
public sealed class PendingRegistration
{
    public Guid Id { get; set; }

    public string OrganisationName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Email { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    public string TokenHash { get; set; } = "";

    /// <summary>A local address (checked by ReturnAddress) to land on once the account is made; empty for the default.</summary>
    public string ReturnPath { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}

/// <summary>
/// One account email asked for (verification, password reset, invitation), for the limits per address and per
/// organisation. The address is kept only as a SHA-256 hash of its upper-case form: the limit needs to recognise
/// it, not to read it. Rows older than the window are removed as new ones come in.
/// </summary>
public sealed class SentMail
{
    public long Id { get; set; }

    public string RecipientHash { get; set; } = "";

    /// <summary>The organisation that sent it (invitations), else null.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>"registratie", "wachtwoord" or "uitnodiging".</summary>
    public string Kind { get; set; } = "";

    public DateTime At { get; set; }
}
