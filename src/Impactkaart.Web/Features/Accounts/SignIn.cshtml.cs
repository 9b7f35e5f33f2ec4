using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Accounts;

/// <summary>
/// Sign in with email and password; five wrong passwords lock the account for 15 minutes. An unknown address, a
/// wrong password and a locked account get the same message and cost the same work (one password check), so the
/// form does not tell who has an account.
/// </summary>
public sealed class SignInModel(UserManager<Member> users, SignInManager<Member> signIn, IPasswordHasher<Member> hasher, RequestLanguage language)
    : AccountPage(language)
{
    public static readonly (string Nl, string En) Refusal = (
        "Het e-mailadres of het wachtwoord klopt niet. Na vijf verkeerde pogingen kunt u een kwartier niet inloggen; met een nieuw wachtwoord lukt het meteen weer.",
        "The email address or the password is not right. After five wrong tries you cannot sign in for a quarter of an hour; with a new password you can at once.");

    /// <summary>
    /// Where to go after signing in: our own links say "terug"; the cookie handler, when it sends a signed-out
    /// visitor here from a page that needs a sign-in, says "ReturnUrl". Only local addresses are followed.
    /// </summary>
    public string? ReturnUrl { get; private set; }

    /// <summary>The visitor came from a map to save it: signing in (or registering) leads to "save this map".</summary>
    public bool ToSaveMap => SignInReturn.LeadsToSaveMap(ReturnUrl);

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
        // Kept for the page shown again after a message, so its "register" link still leads back.
        ReturnUrl = Request.Form["terug"].ToString();
        var returnUrl = LocalOr(ReturnUrl, "/projecten");
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
            EqualWork.CheckPasswordOfNobody(hasher, password);
            return Refused();
        }
        var result = await signIn.PasswordSignInAsync(member, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(returnUrl);
        }
        if (result.IsLockedOut || result.IsNotAllowed)
        {
            // Identity answers a locked account without checking the password: check one anyway, for equal timing.
            EqualWork.CheckPasswordOfNobody(hasher, password);
        }
        return Refused();
    }

    private IActionResult Refused()
    {
        Error("wachtwoord", Refusal.Nl, Refusal.En);
        return Invalid();
    }
}
