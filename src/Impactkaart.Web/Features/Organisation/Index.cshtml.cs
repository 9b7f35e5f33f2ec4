using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Accounts;
using Impactkaart.Web.Features.Funding;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.OrganisationAdmin;

/// <summary>
/// The organisation: its members and open invitations for everyone; for admins also inviting, changing roles,
/// removing members and revoking invitations; its kind (provider, funder or both) for admins; its funders, whose
/// relation any member may end (any member may connect a project too). Every change names its target by id and is looked up within the
/// signed-in member's organisation, so another organisation's id is "not found".
/// </summary>
public sealed class OrganisationModel(
    ImpactkaartDb db, CurrentMember current, Audit audit, Mail mail, Links links, MailLimits limits, TimeProvider clock, FundingStore funding, RequestLanguage language)
    : AccountPage(language)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public Member Me { get; private set; } = null!;

    public bool IsAdmin => Me.Role == MemberRole.Admin;

    public string OrganisationName => Organisation.Name;

    public Organisation Organisation { get; private set; } = null!;

    /// <summary>The funders this organisation asked or works with, as a provider.</summary>
    public IReadOnlyList<RelationRow> Funders { get; private set; } = [];

    public const string KindField = "soort";
    public const string ProviderBox = "aanbieder";
    public const string FunderBox = "financier";
    public const string RelationField = "relatie";

    public IReadOnlyList<Member> Members { get; private set; } = [];

    public IReadOnlyList<Invitation> OpenInvitations { get; private set; } = [];

    /// <summary>What the last change did, for the confirmation at the top (from "?gedaan=").</summary>
    public string? Done { get; private set; }

    public async Task OnGetAsync(string? gedaan, CancellationToken cancellationToken)
    {
        Done = gedaan;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (await RefuseNonAdminAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        var email = Posted("email") ?? "";
        var role = Roles.Parse(Request.Form["rol"]);
        AccountFields.CheckEmail(this, email);
        if (role is null)
        {
            Error("rol", "Kies een rol: Lid of Beheerder.", "Choose a role: Member or Admin.");
        }
        var normalized = email.ToUpperInvariant();
        Member? existing = null;
        if (Errors.Count == 0)
        {
            // Only a colleague of this organisation is named (the admin sees the members anyway); an account of another
            // organisation is not: the admin sees "sent" and the mailbox's owner reads why they cannot join.
            existing = await db.Users.AsNoTracking().FirstOrDefaultAsync(m => m.NormalizedEmail == normalized, cancellationToken);
            if (existing is { RemovedAt: null } && existing.OrganisationId == Me.OrganisationId)
            {
                Error("email", "Deze collega is al lid van uw organisatie.", "This colleague already is a member of your organisation.");
            }
        }
        if (Errors.Count == 0 && !links.CanLink)
        {
            Error("email", ForgotPasswordModel.NoLinkMessage.Nl, ForgotPasswordModel.NoLinkMessage.En);
        }
        if (Errors.Count == 0 && await limits.TryCountAsync(MailKinds.Invitation, email, Me.OrganisationId, cancellationToken) is { } tooMany)
        {
            Error("email", tooMany.Nl, tooMany.En);
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (Errors.Count > 0)
        {
            await LoadAsync(cancellationToken);
            return Invalid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // Inviting the same address again replaces the earlier invitation: only the newest link works.
        var open = await db.Invitations
            .Where(i => i.OrganisationId == Me.OrganisationId && i.AcceptedAt == null && i.RevokedAt == null)
            .ToListAsync(cancellationToken);
        open.Where(i => string.Equals(i.Email, email, StringComparison.OrdinalIgnoreCase)).ToList().ForEach(i => i.RevokedAt = now);
        var token = Tokens.New();
        db.Invitations.Add(new Invitation
        {
            Id = Guid.CreateVersion7(), OrganisationId = Me.OrganisationId, Email = email, Role = role!.Value, TokenHash = Tokens.Hash(token),
            InvitedBy = Me.Id, CreatedAt = now, ExpiresAt = now + InvitationLifetime,
        });
        audit.Add(Me, Me.OrganisationId, AuditCodes.MemberInvited, email, "Rol: " + Roles.Dutch(role.Value));
        await db.SaveChangesAsync(cancellationToken);

        if (existing is not null && (existing.RemovedAt is null || existing.OrganisationId != Me.OrganisationId))
        {
            await SendCannotJoinAsync(email, cancellationToken);
        }
        else
        {
            var link = links.Absolute("/uitnodiging/" + token);
            await mail.SendAsync(email, Lang.T($"Uitnodiging voor {OrganisationName} op de Impactkaart", $"Invitation to {OrganisationName} on the Impactkaart"), Lang.T(
                $"Hallo,\n\n{Me.DisplayName} nodigt u uit om als {Roles.Dutch(role.Value).ToLowerInvariant()} mee te werken aan de Impactkaart van {OrganisationName}.\n\nKies via deze link uw naam en een wachtwoord (de link werkt zeven dagen):\n\n{link}\n\nKent u de afzender niet? Dan kunt u deze e-mail negeren.\n",
                $"Hello,\n\n{Me.DisplayName} invites you to work on the Impactkaart of {OrganisationName} as {(role == MemberRole.Admin ? "an admin" : "a member")}.\n\nChoose your name and a password with this link (it works for seven days):\n\n{link}\n\nDon't know the sender? Then ignore this email.\n"),
                cancellationToken);
        }
        return Redirect("/organisatie?gedaan=uitgenodigd");
    }

    /// <summary>
    /// The invitation email to an address that has an account of another organisation: without a link (it could not
    /// be used), saying why, and what the person can do instead.
    /// </summary>
    private async Task SendCannotJoinAsync(string email, CancellationToken cancellationToken)
    {
        var signInLink = links.Absolute("/inloggen");
        await mail.SendAsync(email, Lang.T($"Uitnodiging voor {OrganisationName} op de Impactkaart", $"Invitation to {OrganisationName} on the Impactkaart"), Lang.T(
            $"Hallo,\n\n{Me.DisplayName} wil u uitnodigen om mee te werken aan de Impactkaart van {OrganisationName}. Met dit e-mailadres heeft u al een account bij de Impactkaart, bij een andere organisatie. Een account hoort bij één organisatie, dus met dit account kunt u niet meedoen bij {OrganisationName}.\n\nWilt u toch meedoen? Vraag {Me.DisplayName} dan om een uitnodiging op een ander e-mailadres van u.\n\nMet uw bestaande account logt u gewoon in zoals altijd:\n\n{signInLink}\n\nKent u de afzender niet? Dan kunt u deze e-mail negeren.\n",
            $"Hello,\n\n{Me.DisplayName} would like to invite you to work on the Impactkaart of {OrganisationName}. You already have an Impactkaart account with this email address, with another organisation. An account belongs to one organisation, so you cannot join {OrganisationName} with this account.\n\nWould you like to join? Then ask {Me.DisplayName} for an invitation to another email address of yours.\n\nYou sign in with your existing account as always:\n\n{signInLink}\n\nDon't know the sender? Then ignore this email.\n"),
            cancellationToken);
    }

    /// <summary>Whether the organisation runs projects, funds them, or both; never neither (it would have no pages left).</summary>
    public async Task<IActionResult> OnPostKindAsync(CancellationToken cancellationToken)
    {
        if (await RefuseNonAdminAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        var isProvider = Request.Form[ProviderBox] == "ja";
        var isFunder = Request.Form[FunderBox] == "ja";
        if (!isProvider && !isFunder)
        {
            Error(KindField, "Soort organisatie: kies minstens één: u voert projecten uit, u financiert ze, of allebei.",
                "Kind of organisation: choose at least one: you run projects, you fund them, or both.");
            await LoadAsync(cancellationToken);
            return Invalid();
        }
        var organisation = await db.Organisations.SingleAsync(o => o.Id == Me.OrganisationId, cancellationToken);
        if (organisation.IsProvider == isProvider && organisation.IsFunder == isFunder)
        {
            return Redirect("/organisatie");
        }
        var before = KindWords(organisation.IsProvider, organisation.IsFunder);
        organisation.IsProvider = isProvider;
        organisation.IsFunder = isFunder;
        audit.Add(Me, Me.OrganisationId, "organisation.kind-changed", organisation.Name, $"{before} → {KindWords(isProvider, isFunder)}");
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/organisatie?gedaan=soort");
    }

    /// <summary>Ends the relation with one of this organisation's funders: the funder no longer sees any of its projects.</summary>
    public async Task<IActionResult> OnPostEndFunderAsync(CancellationToken cancellationToken)
    {
        Me = await current.RequireAsync(cancellationToken);
        var relationId = Guid.TryParse(Request.Form[RelationField], out var id) ? id : Guid.Empty;
        // Only as the provider: a funder ends its relations on its own page (/financier/aanbieders), by its admin.
        if (!await db.FunderRelations.AnyAsync(r => r.Id == relationId && r.ProviderId == Me.OrganisationId, cancellationToken))
        {
            return NotFound();
        }
        var ended = await funding.EndAsync(Me, relationId, cancellationToken);
        return ended.Outcome == FundingOutcome.Done ? Redirect("/organisatie?gedaan=financier-beeindigd") : NotFound();
    }

    /// <summary>The kind in the audit log's words (Dutch, like the rest of the log's details).</summary>
    private static string KindWords(bool isProvider, bool isFunder) => (isProvider, isFunder) switch
    {
        (true, true) => "aanbieder en financier",
        (false, true) => "financier",
        _ => "aanbieder",
    };

    public async Task<IActionResult> OnPostRoleAsync(Guid lid, CancellationToken cancellationToken)
    {
        var (refused, target) = await ManagedMemberAsync(lid, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (Roles.Parse(Request.Form["rol"]) is not { } role)
        {
            OtherErrors.Add(("#leden", Lang.T("Kies een rol: Lid of Beheerder.", "Choose a role: Member or Admin.")));
            await LoadAsync(cancellationToken);
            return Invalid();
        }
        if (role == target.Role)
        {
            return Redirect("/organisatie");
        }
        if (role == MemberRole.Member && await IsLastAdminAsync(target, cancellationToken))
        {
            return await LastAdminRefusedAsync(cancellationToken);
        }
        var before = target.Role;
        target.Role = role;
        audit.Add(Me, Me.OrganisationId, AuditCodes.RoleChanged, Describe(target), $"{Roles.Dutch(before)} → {Roles.Dutch(role)}");
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/organisatie?gedaan=rol");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid lid, CancellationToken cancellationToken)
    {
        var (refused, target) = await ManagedMemberAsync(lid, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (await IsLastAdminAsync(target, cancellationToken))
        {
            return await LastAdminRefusedAsync(cancellationToken);
        }
        // Removed, not deleted: their saves and the audit log keep their name. Locked and a new security stamp, so
        // neither the password nor an old cookie gets them in again (RemovedMemberFilter ends a session at once).
        target.RemovedAt = clock.GetUtcNow().UtcDateTime;
        target.LockoutEnabled = true;
        target.LockoutEnd = DateTimeOffset.MaxValue;
        target.SecurityStamp = Guid.NewGuid().ToString("N");
        audit.Add(Me, Me.OrganisationId, AuditCodes.MemberRemoved, Describe(target));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/organisatie?gedaan=verwijderd");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid uitnodiging, CancellationToken cancellationToken)
    {
        if (await RefuseNonAdminAsync(cancellationToken) is { } refused)
        {
            return refused;
        }
        var invitation = await db.Invitations.SingleOrDefaultAsync(
            i => i.Id == uitnodiging && i.OrganisationId == Me.OrganisationId && i.AcceptedAt == null && i.RevokedAt == null, cancellationToken);
        if (invitation is null)
        {
            return NotFound();
        }
        invitation.RevokedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(Me, Me.OrganisationId, AuditCodes.InvitationRevoked, invitation.Email);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/organisatie?gedaan=ingetrokken");
    }

    public string? DoneMessage => Done switch
    {
        "uitgenodigd" => Lang.T("De uitnodiging is verstuurd. De link in de e-mail werkt zeven dagen.", "The invitation has been sent. The link in the email works for seven days."),
        "rol" => Lang.T("De rol is gewijzigd.", "The role has been changed."),
        "verwijderd" => Lang.T("Het lid is verwijderd en kan niet meer inloggen.", "The member has been removed and can no longer sign in."),
        "ingetrokken" => Lang.T("De uitnodiging is ingetrokken; de link werkt niet meer.", "The invitation has been revoked; its link no longer works."),
        "soort" => Lang.T("De soort organisatie is gewijzigd.", "The kind of organisation has been changed."),
        "financier-beeindigd" => Lang.T("De samenwerking is beëindigd. De financier ziet uw projecten niet meer; de resultaatafspraken met hem zijn verwijderd.",
            "The relation has ended. The funder no longer sees your projects; the result agreements with it have been removed."),
        _ => null,
    };

    private static string Describe(Member member) => $"{member.DisplayName} ({member.Email})";

    /// <summary>Admin forms posted by a member who is not an admin: our own "no access" page, nothing changed.</summary>
    private async Task<IActionResult?> RefuseNonAdminAsync(CancellationToken cancellationToken)
    {
        await LoadOrganisationAsync(cancellationToken);
        return IsAdmin ? null : StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>The member an admin's form names, within this organisation; or the refusal (403 for a non-admin, 404 for an id not found here).</summary>
    private async Task<(IActionResult? Refused, Member Target)> ManagedMemberAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await RefuseNonAdminAsync(cancellationToken) is { } refused)
        {
            return (refused, null!);
        }
        var target = await db.Users.SingleOrDefaultAsync(m => m.Id == id && m.OrganisationId == Me.OrganisationId && m.RemovedAt == null, cancellationToken);
        return target is null ? (NotFound(), null!) : (null, target);
    }

    /// <summary>An organisation always keeps at least one admin, or nobody could invite or manage members again.</summary>
    private async Task<bool> IsLastAdminAsync(Member target, CancellationToken cancellationToken) =>
        target.Role == MemberRole.Admin
        && await db.Users.CountAsync(m => m.OrganisationId == Me.OrganisationId && m.RemovedAt == null && m.Role == MemberRole.Admin, cancellationToken) <= 1;

    private async Task<IActionResult> LastAdminRefusedAsync(CancellationToken cancellationToken)
    {
        OtherErrors.Add(("#leden", Lang.T(
            "U bent de enige beheerder. Maak eerst een collega beheerder; daarna kunt u uw eigen rol wijzigen of uzelf verwijderen.",
            "You are the only admin. First make a colleague admin; then you can change your own role or remove yourself.")));
        await LoadAsync(cancellationToken);
        return Invalid();
    }

    private async Task LoadOrganisationAsync(CancellationToken cancellationToken)
    {
        Me = await current.RequireAsync(cancellationToken);
        Organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == Me.OrganisationId, cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await LoadOrganisationAsync(cancellationToken);
        Members = await db.Users.AsNoTracking()
            .Where(m => m.OrganisationId == Me.OrganisationId && m.RemovedAt == null)
            .OrderBy(m => m.DisplayName).ThenBy(m => m.Email)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        OpenInvitations = await db.Invitations.AsNoTracking()
            .Where(i => i.OrganisationId == Me.OrganisationId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt)
            .ToListAsync(cancellationToken);
        Funders = await FundingConnections.OfProviderAsync(db, Me.OrganisationId, cancellationToken);
    }
}
