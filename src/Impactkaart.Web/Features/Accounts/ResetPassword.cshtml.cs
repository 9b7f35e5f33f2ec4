using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Impactkaart.Web.Features.Accounts;

/// <summary>
/// A new password from the emailed link (email + Identity's reset token). The token works once: the reset changes
/// the account's security stamp. A reset also lifts a lockout, as the person has just proved they own the email.
/// </summary>
public sealed class ResetPasswordModel(UserManager<Member> users, ImpactkaartDb db, Audit audit, RequestLanguage language)
    : AccountPage(language)
{
    [FromQuery(Name = "email")]
    public string? Email { get; set; }

    [FromQuery(Name = "token")]
    public string? Token { get; set; }

    /// <summary>The link is incomplete, expired, already used, or its account is gone.</summary>
    public bool LinkInvalid { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var member = await FindAsync(Email);
        if (member is null || string.IsNullOrEmpty(Token)
            || !await users.VerifyUserTokenAsync(member, users.Options.Tokens.PasswordResetTokenProvider, UserManager<Member>.ResetPasswordTokenPurpose, Token))
        {
            return LinkRefused();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Email = Request.Form["email"].ToString();
        Token = Request.Form["token"].ToString();
        var password = Request.Form["wachtwoord"].ToString();
        AccountFields.CheckNewPassword(this, password, Request.Form["herhaal"].ToString());
        if (Errors.Count > 0)
        {
            return Invalid();
        }
        var member = await FindAsync(Email);
        if (member is null || Token.Length == 0)
        {
            return LinkRefused();
        }
        member.LockoutEnd = null;
        member.AccessFailedCount = 0;
        var result = await users.ResetPasswordAsync(member, Token, password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "InvalidToken"))
            {
                return LinkRefused();
            }
            AccountFields.AddIdentityErrors(this, result);
            return Invalid();
        }
        audit.Add(member, member.OrganisationId, AuditCodes.PasswordReset, $"{member.DisplayName} ({member.Email})");
        await db.SaveChangesAsync(cancellationToken);
        return LocalRedirect("/inloggen?wachtwoord=nieuw");
    }

    private async Task<Member?> FindAsync(string? email) =>
        string.IsNullOrEmpty(email) ? null : await users.FindByEmailAsync(email) is { RemovedAt: null } member ? member : null;

    private PageResult LinkRefused()
    {
        LinkInvalid = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
