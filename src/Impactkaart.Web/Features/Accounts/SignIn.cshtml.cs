using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Accounts;

/// <summary>Sign in with email and password; five wrong passwords lock the account for 15 minutes.</summary>
public sealed class SignInModel(UserManager<Member> users, SignInManager<Member> signIn, RequestLanguage language) : AccountPage(language)
{
    /// <summary>
    /// Where to go after signing in: our own links say "terug"; the cookie handler, when it sends a signed-out
    /// visitor here from a page that needs a sign-in, says "ReturnUrl". Only local addresses are followed.
    /// </summary>
    public string? ReturnUrl { get; private set; }

    /// <summary>Just came from choosing a new password.</summary>
    public bool PasswordChanged { get; private set; }

    public void OnGet()
    {
        var query = Request.Query;
        ReturnUrl = query["terug"].FirstOrDefault() is { Length: > 0 } back ? back : query["ReturnUrl"].FirstOrDefault();
        PasswordChanged = query["wachtwoord"] == "nieuw";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = Posted("email") ?? "";
        var password = Request.Form["wachtwoord"].ToString();
        var returnUrl = LocalOr(Request.Form["terug"].ToString(), "/projecten");
        if (email.Length == 0)
        {
            Error("email", "Vul uw e-mailadres in.", "Enter your email address.");
        }
        if (password.Length == 0)
        {
            Error("wachtwoord", "Vul uw wachtwoord in.", "Enter your password.");
        }
        if (Errors.Count > 0)
        {
            return Invalid();
        }
        var member = await users.FindByEmailAsync(email);
        if (member is null || member.RemovedAt is not null)
        {
            // The same message as a wrong password: the form does not tell who has an account.
            Error("wachtwoord", "Dit e-mailadres en wachtwoord horen niet bij elkaar.", "This email address and password do not match.");
            return Invalid();
        }
        var result = await signIn.PasswordSignInAsync(member, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(returnUrl);
        }
        if (result.IsLockedOut)
        {
            Error("wachtwoord",
                "Na vijf keer een verkeerd wachtwoord is dit account een kwartier geblokkeerd. Probeer het later opnieuw, of vraag een nieuw wachtwoord aan.",
                "After five wrong passwords this account is blocked for 15 minutes. Try again later, or ask for a new password.");
        }
        else
        {
            Error("wachtwoord", "Dit e-mailadres en wachtwoord horen niet bij elkaar.", "This email address and password do not match.");
        }
        return Invalid();
    }
}
