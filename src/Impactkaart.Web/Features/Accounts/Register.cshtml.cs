using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Accounts;

/// <summary>A new organisation with its first member, who becomes its admin and is signed in at once.</summary>
public sealed class RegisterModel(
    ImpactkaartDb db, UserManager<Member> users, SignInManager<Member> signIn, Audit audit, TimeProvider clock, RequestLanguage language)
    : AccountPage(language)
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var organisation = Posted("organisatie") ?? "";
        var name = Posted("naam") ?? "";
        var email = Posted("email") ?? "";
        var password = Request.Form["wachtwoord"].ToString();
        AccountFields.CheckName(this, "organisatie", organisation,
            ("Vul de naam van uw organisatie in (hoogstens 200 tekens).", "Enter the name of your organisation (at most 200 characters)."));
        AccountFields.CheckName(this, "naam", name, ("Vul uw naam in (hoogstens 200 tekens).", "Enter your name (at most 200 characters)."));
        AccountFields.CheckEmail(this, email);
        AccountFields.CheckNewPassword(this, password, Request.Form["herhaal"].ToString());
        if (Errors.Count > 0)
        {
            return Invalid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var org = new Organisation { Id = Guid.CreateVersion7(), Name = organisation, CreatedAt = now };
        var member = new Member
        {
            Id = Guid.CreateVersion7(), OrganisationId = org.Id, UserName = email, Email = email, DisplayName = name,
            Role = MemberRole.Admin, JoinedAt = now,
        };
        var strategy = db.Database.CreateExecutionStrategy();
        IdentityResult? result = null;
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Organisations.Add(org);
            await db.SaveChangesAsync(cancellationToken);
            result = await users.CreateAsync(member, password);
            if (result.Succeeded)
            {
                audit.Add(member, org.Id, OrganisationAdmin.AuditCodes.OrganisationCreated, org.Name);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        });
        if (result is { Succeeded: false })
        {
            db.ChangeTracker.Clear();
            AccountFields.AddIdentityErrors(this, result);
            return Invalid();
        }
        await signIn.SignInAsync(member, isPersistent: false);
        return Redirect("/projecten");
    }
}
