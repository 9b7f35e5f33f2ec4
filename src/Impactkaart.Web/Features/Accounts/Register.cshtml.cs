using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Accounts;

/// <summary>
/// Registering a new organisation: the form keeps it as a pending registration and emails a link; following the
/// link makes the organisation and its first admin (<see cref="ConfirmRegistrationModel"/>). Until then nothing is
/// claimed, so nobody can take a colleague's address. The page answers the same for every address; an address that
/// already has an account gets an email saying so instead of a link.
/// </summary>
public sealed class RegisterModel(
    ImpactkaartDb db, UserManager<Member> users, IPasswordHasher<Member> hasher, Mail mail, Links links, MailLimits limits,
    TimeProvider clock, RequestLanguage language)
    : AccountPage(language)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    /// <summary>Where to land once the account is made (only a local address is kept).</summary>
    public string? ReturnUrl { get; private set; }

    /// <summary>The address the email went to: the "check your mail" page.</summary>
    public string? SentTo { get; private set; }

    /// <summary>
    /// On a developer's own machine (no mail server, no public address set): the folder the email was written to,
    /// so the first registration works without a mail server. Never the link itself.
    /// </summary>
    public string? MailFolder { get; private set; }

    /// <summary>
    /// A valid password, typed the same twice, shown again after messages about other fields: browsers do not fill a
    /// password in again, and typing a long one twice more only for a typo in a name is what makes people give up.
    /// </summary>
    public string? KeptPassword { get; private set; }

    public void OnGet() => ReturnUrl = Request.Query["terug"].FirstOrDefault();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var organisation = Posted("organisatie") ?? "";
        var name = Posted("naam") ?? "";
        var email = Posted("email") ?? "";
        var password = Request.Form["wachtwoord"].ToString();
        ReturnUrl = Request.Form["terug"].ToString();
        AccountFields.CheckName(this, "organisatie", organisation,
            ("Vul de naam van uw organisatie in (hoogstens 200 tekens).", "Enter the name of your organisation (at most 200 characters)."));
        AccountFields.CheckName(this, "naam", name, ("Vul uw naam in (hoogstens 200 tekens).", "Enter your name (at most 200 characters)."));
        AccountFields.CheckEmail(this, email);
        AccountFields.CheckNewPassword(this, password, Request.Form["herhaal"].ToString());
        if (Errors.Count > 0)
        {
            if (!Errors.ContainsKey("wachtwoord") && !Errors.ContainsKey("herhaal"))
            {
                KeptPassword = password;
                // The page now holds the password: no browser or cache may keep it (back button, disk cache).
                Response.Headers.CacheControl = "no-store";
            }
            return Invalid();
        }
        // Checked before the address is looked up, so the refusal is the same for every address.
        if (!links.CanLink)
        {
            Error("email", ForgotPasswordModel.NoLinkMessage.Nl, ForgotPasswordModel.NoLinkMessage.En);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
        if (await limits.TryCountAsync(MailKinds.Registration, email, null, cancellationToken) is { } tooMany)
        {
            Error("email", tooMany.Nl, tooMany.En);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        // Hashed whether or not it is kept, so an address with an account costs the same time as one without.
        var passwordHash = hasher.HashPassword(new Member(), password);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.PendingRegistrations.Where(p => p.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);

        if (await users.FindByEmailAsync(email) is { } existing)
        {
            await SendAlreadyRegisteredAsync(existing, email, cancellationToken);
        }
        else
        {
            var token = Tokens.New();
            db.PendingRegistrations.Add(new PendingRegistration
            {
                Id = Guid.CreateVersion7(), OrganisationName = organisation, DisplayName = name, Email = email, PasswordHash = passwordHash,
                TokenHash = Tokens.Hash(token), ReturnPath = ReturnAddress.LocalOr(ReturnUrl, ""), CreatedAt = now, ExpiresAt = now + LinkLifetime,
            });
            await db.SaveChangesAsync(cancellationToken);
            var link = links.Absolute("/registreren/bevestigen/" + token);
            await mail.SendAsync(email, Lang.T("Maak uw account bij de Impactkaart af", "Finish your Impactkaart account"), Lang.T(
                $"Beste {name},\n\nU meldde {organisation} aan bij de Impactkaart. Maak uw account af via deze link (die werkt 24 uur):\n\n{link}\n\nDeed u dit niet? Dan kunt u deze e-mail negeren: zonder de link wordt er geen account gemaakt.\n",
                $"Dear {name},\n\nYou registered {organisation} with the Impactkaart. Finish your account with this link (it works for 24 hours):\n\n{link}\n\nDid you not do this? Then ignore this email: without the link no account is made.\n"),
                cancellationToken);
        }
        SentTo = email;
        MailFolder = mail.UsesPickupFolder && !links.HasConfiguredBase ? mail.PickupFolder : null;
        return Page();
    }

    /// <summary>Told to the owner of the mailbox only: the page says the same as for a new address.</summary>
    private async Task SendAlreadyRegisteredAsync(Member existing, string email, CancellationToken cancellationToken)
    {
        var signInLink = links.Absolute("/inloggen");
        var forgotLink = links.Absolute("/wachtwoord-vergeten");
        await mail.SendAsync(email, Lang.T("U heeft al een account bij de Impactkaart", "You already have an Impactkaart account"), Lang.T(
            $"Beste {existing.DisplayName},\n\nIemand, hopelijk u, wilde zojuist een organisatie aanmelden bij de Impactkaart met dit e-mailadres. Met dit adres heeft u al een account, dus er is geen nieuw account gemaakt.\n\nLog in met uw account:\n\n{signInLink}\n\nWeet u uw wachtwoord niet meer? Kies een nieuw wachtwoord:\n\n{forgotLink}\n\nEen account hoort bij één organisatie. Wilt u een tweede organisatie aanmelden, gebruik dan een ander e-mailadres.\n\nDeed u dit niet? Dan kunt u deze e-mail negeren; er is niets veranderd.\n",
            $"Dear {existing.DisplayName},\n\nSomeone, hopefully you, just tried to register an organisation with the Impactkaart with this email address. You already have an account with this address, so no new account was made.\n\nSign in with your account:\n\n{signInLink}\n\nForgot your password? Choose a new one:\n\n{forgotLink}\n\nAn account belongs to one organisation. To register a second organisation, use another email address.\n\nDid you not do this? Then ignore this email; nothing has changed.\n"),
            cancellationToken);
    }
}
