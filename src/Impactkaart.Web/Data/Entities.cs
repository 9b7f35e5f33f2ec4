using Impactkaart.Engine.Calculation;
using Microsoft.AspNetCore.Identity;

namespace Impactkaart.Web.Data;

/// <summary>
/// An organisation: a provider (a welfare foundation, a team: owns its members, projects and share links), a funder
/// (a municipality, a fund: sees the projects its providers connect to it), or both.
/// </summary>
public sealed class Organisation
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>Runs projects and makes maps of them (every organisation made before funders existed is one).</summary>
    public bool IsProvider { get; set; } = true;

    /// <summary>Pays for projects: providers can find it by name and connect projects to it.</summary>
    public bool IsFunder { get; set; }
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

    /// <summary>The current map's benefits in the welfare view (the MKBA: no transfers, with wellbeing), in whole cents.</summary>
    public long WelfareBenefitsCents { get; set; }

    /// <summary>
    /// The current map's benefits per payer and hours per sector (<see cref="Features.Shared.ProjectBreakdown"/> as JSON), so
    /// a funder's portfolio of a thousand projects sums them without computing a map. Empty for projects saved before
    /// it existed: the funder's portfolio fills it from the current version the first time it needs it.
    /// </summary>
    public string Breakdown { get; set; } = "";

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

/// <summary>
/// A provider's standing with a funder: asked once by the provider, accepted once by the funder's admin. After
/// that the provider connects projects to the funder without asking again. Ending it removes the row and every
/// connection under it (the audit logs of both keep what happened).
/// </summary>
public sealed class FunderRelation
{
    public Guid Id { get; set; }

    public Guid ProviderId { get; set; }

    public Guid FunderId { get; set; }

    public Guid RequestedBy { get; set; }

    public string RequestedByName { get; set; } = "";

    public DateTime RequestedAt { get; set; }

    /// <summary>Null while the funder has not accepted: until then the funder sees the request, not the projects.</summary>
    public DateTime? AcceptedAt { get; set; }

    public Guid? AcceptedBy { get; set; }

    public string AcceptedByName { get; set; } = "";
}

/// <summary>
/// One project connected to one funder, under a subsidy scheme (regeling) and for zero or more neighbourhoods
/// (wijken). The funder sees the project's current map only while the relation is accepted and the project exists.
/// Ending it removes the row and its result agreements.
/// </summary>
public sealed class FundedProject
{
    public const int MaxScheme = 200;
    public const int MaxNeighbourhoods = 500;

    public Guid Id { get; set; }

    public Guid ProjectId { get; set; }

    public Guid ProviderId { get; set; }

    public Guid FunderId { get; set; }

    /// <summary>The subsidy scheme as the funder names it, e.g. "Subsidieregeling Welzijn 2026".</summary>
    public string Scheme { get; set; } = "";

    /// <summary>The neighbourhoods served, separated by a semicolon ("Noord; Oost"); empty for the whole area.</summary>
    public string Neighbourhoods { get; set; } = "";

    public Guid ConnectedBy { get; set; }

    public string ConnectedByName { get; set; } = "";

    public DateTime ConnectedAt { get; set; }
}

/// <summary>What a result agreement counts.</summary>
public enum AgreementKind
{
    /// <summary>The participants reached; realised from the evaluation.</summary>
    Participants,

    /// <summary>One outcome of the project's map (<see cref="ResultAgreement.OutcomeId"/>): participants x net effect; realised from the evaluation.</summary>
    Outcome,

    /// <summary>A plain count with a story ("tellen en vertellen"), entered by the provider.</summary>
    Count,
}

/// <summary>
/// One agreed result of a funded project: proposed by the funder, accepted by the provider, with a target and a
/// date. Participants and outcomes are realised from the project's evaluation when it has one; a count is entered by
/// the provider with a note.
/// </summary>
public sealed class ResultAgreement
{
    public const int MaxLabel = 200;
    public const int MaxNote = 2000;

    public Guid Id { get; set; }

    public Guid FundedProjectId { get; set; }

    public Guid ProjectId { get; set; }

    public Guid ProviderId { get; set; }

    public Guid FunderId { get; set; }

    public AgreementKind Kind { get; set; }

    /// <summary>The outcome's id in the model, for <see cref="AgreementKind.Outcome"/>; else empty.</summary>
    public string OutcomeId { get; set; } = "";

    /// <summary>What is counted, in the proposer's words (for a count; for the others a label the page may show).</summary>
    public string Label { get; set; } = "";

    public double Target { get; set; }

    public DateOnly Due { get; set; }

    /// <summary>The funder's note with the proposal.</summary>
    public string Note { get; set; } = "";

    public Guid ProposedBy { get; set; }

    public string ProposedByName { get; set; } = "";

    public DateTime ProposedAt { get; set; }

    /// <summary>Null while the provider has not accepted it.</summary>
    public DateTime? AcceptedAt { get; set; }

    public Guid? AcceptedBy { get; set; }

    public string AcceptedByName { get; set; } = "";

    /// <summary>For a count: the number the provider reports.</summary>
    public double? RealisedCount { get; set; }

    /// <summary>The provider's story next to the numbers.</summary>
    public string RealisedNote { get; set; } = "";

    public DateTime? RealisedAt { get; set; }
}
