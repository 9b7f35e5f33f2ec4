using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Accounts;

/// <summary>
/// The link from the registration email. Opening it shows what will be made; the button makes the organisation and
/// its first admin (address confirmed) and signs in. A button, not the link itself, because mail filters open links
/// to inspect them and must not use the registration up. If the address got an account in the meantime (an
/// invitation accepted, another registration), the person who holds the mailbox is told so.
/// </summary>
public sealed class ConfirmRegistrationModel(
    ImpactkaartDb db, UserManager<Member> users, SignInManager<Member> signIn, Audit audit, TimeProvider clock, RequestLanguage language)
    : AccountPage(language)
{
    public PendingRegistration? Pending { get; private set; }

    /// <summary>The address has an account already: no new one is made.</summary>
    public bool AlreadyHasAccount { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (!await FindAsync(token, cancellationToken))
        {
            return Gone();
        }
        return await users.FindByEmailAsync(Pending!.Email) is not null ? await TakenAsync() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!await FindAsync(token, cancellationToken))
        {
            return Gone();
        }
        var pending = Pending!;
        if (await users.FindByEmailAsync(pending.Email) is not null)
        {
            return await TakenAsync();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var organisation = new Organisation { Id = Guid.CreateVersion7(), Name = pending.OrganisationName, CreatedAt = now };
        var member = new Member
        {
            Id = Guid.CreateVersion7(), OrganisationId = organisation.Id, UserName = pending.Email, Email = pending.Email, EmailConfirmed = true,
            DisplayName = pending.DisplayName, PasswordHash = pending.PasswordHash, Role = MemberRole.Admin, JoinedAt = now,
        };
        if (!await CreateAsync(organisation, member, cancellationToken))
        {
            // An invitation was accepted (or another link followed) for this address between the check and the save.
            db.ChangeTracker.Clear();
            return await TakenAsync();
        }
        await signIn.SignInAsync(member, isPersistent: false);
        // Said once, on the landing page: TempData is gone once it is read.
        TempData[SignInReturn.WelcomeKey] = organisation.Name;
        TempData[SignInReturn.WelcomeWithMapKey] = SignInReturn.LeadsToSaveMap(pending.ReturnPath);
        return LocalRedirect(ReturnAddress.LocalOr(pending.ReturnPath, "/projecten"));
    }

    /// <summary>The organisation, its admin and the audit entry in one transaction; false when the address was taken meanwhile.</summary>
    private async Task<bool> CreateAsync(Organisation organisation, Member member, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(cancellationToken);
            IdentityResult result;
            try
            {
                result = await users.CreateAsync(member);
            }
            catch (DbUpdateException)
            {
                // The unique index on the user name (the address) refused the second of two accounts made at once.
                return false;
            }
            if (!result.Succeeded)
            {
                return false;
            }
            audit.Add(member, organisation.Id, AuditCodes.OrganisationCreated, organisation.Name);
            await db.SaveChangesAsync(cancellationToken);
            // Every pending registration for this address is done with: the address has its account.
            await db.PendingRegistrations.Where(p => p.Email == member.Email).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
    }

    private async Task<bool> FindAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Tokens.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        Pending = await db.PendingRegistrations.AsNoTracking().SingleOrDefaultAsync(p => p.TokenHash == hash && p.ExpiresAt > now, cancellationToken);
        return Pending is not null;
    }

    /// <summary>The address has an account: this registration can never be finished, so it goes; the page says so.</summary>
    private async Task<IActionResult> TakenAsync()
    {
        // Not cancelled with the request: a half-done removal would leave a link that can never work.
        await db.PendingRegistrations.Where(p => p.Id == Pending!.Id).ExecuteDeleteAsync(CancellationToken.None);
        AlreadyHasAccount = true;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>Unknown, expired or already used: one page that says so, as "not found".</summary>
    private PageResult Gone()
    {
        Pending = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
