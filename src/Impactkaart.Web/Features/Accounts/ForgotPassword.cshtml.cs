using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Accounts;

/// <summary>
/// Asks for a reset link by email. The answer is the same whether or not the address has an account, so the form
/// does not tell strangers who works where; so is the work: an address without an account gets an email too,
/// saying there is no account with it (sending takes time, and the owner of the mailbox may wonder why no link came).
/// </summary>
public sealed class ForgotPasswordModel(UserManager<Member> users, Mail mail, Links links, MailLimits limits, RequestLanguage language)
    : AccountPage(language)
{
    public bool Sent { get; private set; }

    /// <summary>What a user sees when no email with a link can be sent (the log names the setting for the administrator).</summary>
    public static readonly (string Nl, string En) NoLinkMessage = (
        "De Impactkaart kan op dit moment geen e-mail met een link sturen. Vraag de beheerder van deze installatie om het adres van de site in te stellen.",
        "The Impactkaart cannot send an email with a link right now. Ask whoever runs this installation to set the site's address.");

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = Posted("email") ?? "";
        AccountFields.CheckEmail(this, email);
        if (Errors.Count > 0)
        {
            return Invalid();
        }
        // Checked before the address is looked up, so the refusal is the same for every address.
        if (!links.CanLink)
        {
            Error("email", NoLinkMessage.Nl, NoLinkMessage.En);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
        if (await limits.TryCountAsync(MailKinds.PasswordReset, email, null, cancellationToken) is { } tooMany)
        {
            Error("email", tooMany.Nl, tooMany.En);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var member = await users.FindByEmailAsync(email);
        if (member is not { RemovedAt: null })
        {
            var registerLink = links.Absolute("/registreren");
            await mail.SendAsync(email, Lang.T("Nieuw wachtwoord voor de Impactkaart", "New password for the Impactkaart"), Lang.T(
                $"Hallo,\n\nIemand, hopelijk u, vroeg een nieuw wachtwoord aan voor de Impactkaart met dit e-mailadres. Er is geen account met dit adres, dus er is geen wachtwoord te herstellen.\n\nLogt u misschien in met een ander e-mailadres? Vraag het dan met dat adres aan. Bent u nieuw? Vraag een collega die beheerder is om een uitnodiging, of meld uw organisatie aan:\n\n{registerLink}\n\nVroeg u niets aan? Dan kunt u deze e-mail negeren.\n",
                $"Hello,\n\nSomeone, hopefully you, asked for a new password for the Impactkaart with this email address. There is no account with this address, so there is no password to reset.\n\nDo you perhaps sign in with another email address? Then ask with that address. Are you new? Ask a colleague who is an admin for an invitation, or register your organisation:\n\n{registerLink}\n\nDid you not ask for this? Then ignore this email.\n"),
                cancellationToken);
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(member);
            var link = links.Absolute($"/wachtwoord-herstellen?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}");
            await mail.SendAsync(email, Lang.T("Nieuw wachtwoord voor de Impactkaart", "New password for the Impactkaart"), Lang.T(
                $"Beste {member.DisplayName},\n\nU vroeg een nieuw wachtwoord aan voor de Impactkaart. Kies het via deze link (die werkt één dag en één keer):\n\n{link}\n\nVroeg u niets aan? Dan kunt u deze e-mail negeren; uw wachtwoord blijft zoals het was.\n",
                $"Dear {member.DisplayName},\n\nYou asked for a new password for the Impactkaart. Choose it with this link (it works for one day, once):\n\n{link}\n\nDid you not ask for this? Then ignore this email; your password stays as it was.\n"),
                cancellationToken);
        }
        Sent = true;
        return Page();
    }
}
