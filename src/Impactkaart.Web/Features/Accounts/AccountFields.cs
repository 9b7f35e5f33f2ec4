using Microsoft.AspNetCore.Identity;

namespace Impactkaart.Web.Features.Accounts;

/// <summary>The checks and messages that the account forms share.</summary>
public static class AccountFields
{
    public const int MinimumPasswordLength = 10;

    /// <summary>The hint under every new-password field (registering, resetting, accepting an invitation).</summary>
    public static readonly Impactkaart.Engine.Text PasswordHint = new(
        $"Minstens {MinimumPasswordLength} tekens; een zin van een paar woorden is sterk en goed te onthouden.",
        $"At least {MinimumPasswordLength} characters; a sentence of a few words is strong and easy to remember.");

    /// <summary>
    /// A name of a person or organisation: 1 to 200 characters, none of them a line break, another control
    /// character or a noncharacter, since names go into email subjects and headers.
    /// </summary>
    public static void CheckName(AccountPage page, string field, string value, (string Nl, string En) missing)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > 200)
        {
            page.Errors[field] = page.Lang.T(missing.Nl, missing.En);
        }
        else if (!Engine.Calculation.ProjectRequestValidator.IsPrintableText(value))
        {
            page.Errors[field] = page.Lang.T("Gebruik één regel gewone tekst, zonder regeleinden of speciale tekens.",
                "Use one line of plain text, without line breaks or special characters.");
        }
    }

    public static void CheckEmail(AccountPage page, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (email.Length is 0 or > 256 || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            page.Errors["email"] = page.Lang.T("Vul een geldig e-mailadres in, zoals naam@organisatie.nl.", "Enter a valid email address, such as name@organisation.nl.");
        }
    }

    /// <summary>
    /// The password rules and the repeat, each at its own field, both at once. A repeat that differs clears both
    /// fields (nobody can tell which one has the typo), so its message asks to type both again.
    /// </summary>
    public static void CheckNewPassword(AccountPage page, string password, string repeated)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(repeated);
        if (password.Length < MinimumPasswordLength)
        {
            page.Errors["wachtwoord"] = page.Lang.T(
                $"Kies een wachtwoord van minstens {MinimumPasswordLength} tekens; een zin van een paar woorden is sterk en goed te onthouden.",
                $"Choose a password of at least {MinimumPasswordLength} characters; a sentence of a few words is strong and easy to remember.");
        }
        else if (password.Length > 200)
        {
            page.Errors["wachtwoord"] = page.Lang.T("Kies een wachtwoord van hoogstens 200 tekens.", "Choose a password of at most 200 characters.");
        }
        if (repeated.Length == 0)
        {
            page.Errors["herhaal"] = page.Lang.T("Typ het wachtwoord hier nog een keer, zo weet u zeker dat u het goed typte.",
                "Type the password here once more, so you know you typed it right.");
        }
        else if (password != repeated)
        {
            page.Errors["herhaal"] = page.Lang.T("De twee wachtwoorden zijn niet gelijk. Typ ze allebei opnieuw.", "The two passwords are not the same. Type both again.");
        }
    }

    /// <summary>Identity's refusals, in the user's language, at the field they concern.</summary>
    public static void AddIdentityErrors(AccountPage page, IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var error in result.Errors)
        {
            var (key, nl, en) = error.Code switch
            {
                "DuplicateEmail" or "DuplicateUserName" => ("email",
                    "Er is al een account met dit e-mailadres. Log in, of vraag een nieuw wachtwoord aan.",
                    "There already is an account with this email address. Sign in, or ask for a new password."),
                "InvalidToken" => ("wachtwoord",
                    "Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.",
                    "This link has expired or was already used. Ask for a new one."),
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => ("wachtwoord",
                    $"Kies een wachtwoord van minstens {MinimumPasswordLength} tekens.", $"Choose a password of at least {MinimumPasswordLength} characters."),
                _ => ("email", "Dit account kan niet worden gemaakt: " + error.Description, "This account cannot be made: " + error.Description),
            };
            page.Errors[key] = page.Lang.T(nl, en);
        }
    }
}
