using Impactkaart.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Accounts;

/// <summary>
/// How many account emails may go out in an hour: per recipient address (verification, password reset, invitation
/// together; default 3) and invitations per organisation (default 20). Every request counts, also one for an
/// address without an account that gets no link, so the limit itself does not tell who has an account. Kept in the
/// database, so it holds across app instances and restarts. Two requests at the same moment may both pass the count:
/// the limit is a brake on abuse, not an exact quota.
/// </summary>
public sealed class MailLimits(ImpactkaartDb db, IConfiguration configuration, TimeProvider clock)
{
    public const string PerAddressSetting = "Mail:Limits:PerAddressPerHour";
    public const string PerOrganisationSetting = "Mail:Limits:InvitationsPerOrganisationPerHour";

    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public int PerAddress => Math.Max(1, configuration.GetValue(PerAddressSetting, 3));

    public int InvitationsPerOrganisation => Math.Max(1, configuration.GetValue(PerOrganisationSetting, 20));

    /// <summary>
    /// Counts one email of <paramref name="kind"/> to <paramref name="address"/> (from <paramref name="organisationId"/>
    /// for invitations) and saves the count at once; or, over a limit, counts nothing and returns the refusal to
    /// show on the form. Call it before adding other changes to the context: it saves.
    /// </summary>
    public async Task<(string Nl, string En)?> TryCountAsync(string kind, string address, Guid? organisationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - Window;
        // Older rows no longer count for anything.
        await db.SentMails.Where(m => m.At <= since).ExecuteDeleteAsync(cancellationToken);
        if (organisationId is { } organisation
            && await db.SentMails.CountAsync(m => m.OrganisationId == organisation && m.At > since, cancellationToken) >= InvitationsPerOrganisation)
        {
            return ($"Uw organisatie heeft het afgelopen uur al {InvitationsPerOrganisation} uitnodigingen verstuurd; meer kan niet binnen een uur. Probeer het over een uur opnieuw.",
                $"Your organisation has sent {InvitationsPerOrganisation} invitations in the past hour; no more can be sent within an hour. Try again in an hour.");
        }
        var recipient = RecipientHash(address);
        if (await db.SentMails.CountAsync(m => m.RecipientHash == recipient && m.At > since, cancellationToken) >= PerAddress)
        {
            return ($"Naar dit e-mailadres zijn het afgelopen uur al {PerAddress} e-mails van de Impactkaart gestuurd; meer sturen we niet binnen een uur. Kijk of de eerdere e-mail is aangekomen (ook bij ongewenste e-mail), of probeer het over een uur opnieuw.",
                $"{PerAddress} emails from the Impactkaart have been sent to this address in the past hour; we send no more within an hour. Check whether the earlier email arrived (also in junk mail), or try again in an hour.");
        }
        db.SentMails.Add(new SentMail { RecipientHash = recipient, OrganisationId = organisationId, Kind = kind, At = now });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>The address as the limit recognises it: hashed, so the table is not a plain list of addresses.</summary>
    private static string RecipientHash(string address) => Tokens.Hash(address.Trim().ToUpperInvariant());
}

/// <summary>The kinds of account email, as stored in <see cref="SentMail.Kind"/>.</summary>
public static class MailKinds
{
    public const string Registration = "registratie";
    public const string PasswordReset = "wachtwoord";
    public const string Invitation = "uitnodiging";
}
