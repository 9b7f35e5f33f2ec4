using Impactkaart.Web.Data;
using Impactkaart.Web.Features.OrganisationAdmin;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Accounts;

/// <summary>
/// The link from an invitation email: the colleague chooses a name and password and joins the organisation that
/// invited them, in the role it chose, signed in at once. The link works once, for seven days, until revoked.
/// </summary>
public sealed class AcceptInvitationModel(
    ImpactkaartDb db, UserManager<Member> users, SignInManager<Member> signIn, Audit audit, TimeProvider clock, RequestLanguage language)
    : AccountPage(language)
{
    public Invitation? Invitation { get; private set; }

    public string OrganisationName { get; private set; } = "";

    /// <summary>The invited address has an account (made after the invitation was sent).</summary>
    public bool AlreadyHasAccount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (!await FindAsync(token, cancellationToken))
        {
            return Gone();
        }
        if (await ActiveAccountAsync(Invitation!.Email) is not null)
        {
            AlreadyHasAccount = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!await FindAsync(token, cancellationToken))
        {
            return Gone();
        }
        var invitation = Invitation!;
        var name = Posted("naam") ?? "";
        var password = Request.Form["wachtwoord"].ToString();
        AccountFields.CheckName(this, "naam", name, ("Vul uw naam in (hoogstens 200 tekens).", "Enter your name (at most 200 characters)."));
        AccountFields.CheckNewPassword(this, password, Request.Form["herhaal"].ToString());
        if (Errors.Count > 0)
        {
            return Invalid();
        }
        var existing = await users.FindByEmailAsync(invitation.Email);
        if (existing is not null && (existing.RemovedAt is null || existing.OrganisationId != invitation.OrganisationId))
        {
            AlreadyHasAccount = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // Claim the invitation in one statement before making the account: of two accepts at once (a double click,
        // two tabs) exactly one gets it, and the other is told the link was used instead of failing on the account.
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return Gone();
        }
        Member member;
        IdentityResult result;
        if (existing is not null)
        {
            // A former member of this organisation, invited back: the same account again, with the new name, role and password.
            member = existing;
            member.DisplayName = name;
            member.Role = invitation.Role;
            member.JoinedAt = now;
            member.RemovedAt = null;
            member.LockoutEnd = null;
            member.AccessFailedCount = 0;
            result = await users.RemovePasswordAsync(member);
            if (result.Succeeded)
            {
                result = await users.AddPasswordAsync(member, password);
            }
        }
        else
        {
            member = new Member
            {
                Id = Guid.CreateVersion7(), OrganisationId = invitation.OrganisationId, UserName = invitation.Email, Email = invitation.Email,
                EmailConfirmed = true, DisplayName = name, Role = invitation.Role, JoinedAt = now,
            };
            try
            {
                result = await users.CreateAsync(member, password);
            }
            catch (DbUpdateException)
            {
                // A registration link for this address was followed at the same moment and made its account first.
                db.ChangeTracker.Clear();
                return await TakenMeanwhileAsync(invitation);
            }
        }
        if (!result.Succeeded && result.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
        {
            // The same race, seen by Identity's own check: the address has an account now.
            return await TakenMeanwhileAsync(invitation);
        }
        if (!result.Succeeded)
        {
            // The link works again for a next try with another password.
            await db.Invitations.Where(i => i.Id == invitation.Id).ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, (DateTime?)null), CancellationToken.None);
            AccountFields.AddIdentityErrors(this, result);
            return Invalid();
        }
        invitation.AcceptedAt = now;
        audit.Add(member, invitation.OrganisationId, AuditCodes.InvitationAccepted, $"{member.DisplayName} ({member.Email})", "Rol: " + Roles.Dutch(member.Role));
        await db.SaveChangesAsync(cancellationToken);
        await signIn.SignInAsync(member, isPersistent: false);
        return Redirect("/projecten");
    }

    private async Task<bool> FindAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Tokens.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        Invitation = await db.Invitations.SingleOrDefaultAsync(
            i => i.TokenHash == hash && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now, cancellationToken);
        if (Invitation is null)
        {
            return false;
        }
        OrganisationName = await db.Organisations.Where(o => o.Id == Invitation.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        return true;
    }

    private async Task<Member?> ActiveAccountAsync(string email) =>
        await users.FindByEmailAsync(email) is { } m && (m.RemovedAt is null || m.OrganisationId != Invitation!.OrganisationId) ? m : null;

    /// <summary>The address got an account between the check and the save: the invitation stays open, the page says so.</summary>
    private async Task<PageResult> TakenMeanwhileAsync(Invitation invitation)
    {
        await db.Invitations.Where(i => i.Id == invitation.Id).ExecuteUpdateAsync(set => set.SetProperty(i => i.AcceptedAt, (DateTime?)null), CancellationToken.None);
        AlreadyHasAccount = true;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>Unknown, expired, revoked or used: one page that says so, as "not found" (it tells nothing more).</summary>
    private PageResult Gone()
    {
        Invitation = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
