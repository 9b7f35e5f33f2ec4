using System.Net;
using Microsoft.EntityFrameworkCore;
using static Impactkaart.Web.Tests.AccountTestSupport;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Registering confirms the address first: the form claims nothing, the emailed link makes the organisation and
/// its admin. The page says the same for every address; an address with an account hears so by email.
/// </summary>
public sealed class AccountRegistrationTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task Registering_makes_nothing_until_the_link_in_the_email_is_followed_once()
    {
        var client = app.Client();

        var registered = await Register(client, "Buurtteam Bevestigd", "beheer@bevestigd.nl");

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("We hebben een e-mail gestuurd naar beheer@bevestigd.nl. Klik op de link in die e-mail om uw account af te maken; de link werkt 24 uur.",
            WebApp.VisibleText(await registered.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync((db, _) => db.Users.AnyAsync(m => m.Email == "beheer@bevestigd.nl")));
        Assert.False(await app.WithDbAsync((db, _) => db.Organisations.AnyAsync(o => o.Name == "Buurtteam Bevestigd")));
        Assert.DoesNotContain("Uitloggen", await client.GetStringAsync("/"), StringComparison.Ordinal);

        var link = LinkIn(app.LatestMailTo("beheer@bevestigd.nl"), "/registreren/bevestigen/");
        var opened = await client.TextAsync(link);
        Assert.Contains("Bijna klaar: maak het account voor Buurtteam Bevestigd af.", opened, StringComparison.Ordinal);
        // Opening the link (as a mail filter does) makes nothing yet.
        Assert.False(await app.WithDbAsync((db, _) => db.Users.AnyAsync(m => m.Email == "beheer@bevestigd.nl")));

        var confirmed = await ConfirmAsync(client, link);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/projecten", confirmed.Headers.Location!.OriginalString);
        Assert.Contains("Beheerder Buurtteam Bevestigd", await client.GetStringAsync("/"), StringComparison.Ordinal);
        var member = await app.MemberAsync("beheer@bevestigd.nl");
        Assert.True(member.EmailConfirmed);
        Assert.Equal(Impactkaart.Web.Data.MemberRole.Admin, member.Role);

        var again = await app.Client().GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("Deze link werkt niet (meer)", await again.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_with_an_account_gets_the_same_page_and_an_email_that_says_so()
    {
        await app.CreateAccountAsync("Al Bekend", "bekend@albekend.nl");

        var known = await Register(app.Client(), "Nieuwe Poging", "bekend@albekend.nl");
        var unknown = await Register(app.Client(), "Nieuwe Poging", "nieuw@albekend.nl");

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(
            WebApp.VisibleText(await known.Content.ReadAsStringAsync()).Replace("bekend@albekend.nl", "ADRES", StringComparison.Ordinal),
            WebApp.VisibleText(await unknown.Content.ReadAsStringAsync()).Replace("nieuw@albekend.nl", "ADRES", StringComparison.Ordinal));
        var mail = app.LatestMailTo("bekend@albekend.nl");
        Assert.Contains("Met dit adres heeft u al een account, dus er is geen nieuw account gemaakt.", mail, StringComparison.Ordinal);
        Assert.Contains("/wachtwoord-vergeten", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("/registreren/bevestigen/", mail, StringComparison.Ordinal);
        // The account is as it was: its own password still signs in.
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(app.Client(), "bekend@albekend.nl")).StatusCode);
    }

    [Fact]
    public async Task Registering_a_colleagues_address_first_does_not_keep_them_from_joining_their_organisation()
    {
        var admin = await app.RegisterAsync("Wijkteam Echt", "beheer@wijkteam-echt.nl");
        // Someone registers the colleague's address before the invitation: only a pending registration, mailed to the colleague.
        await Register(app.Client(), "Kaping BV", "sanne@wijkteam-echt.nl");
        var squatLink = LinkIn(app.LatestMailTo("sanne@wijkteam-echt.nl"), "/registreren/bevestigen/");

        var colleague = await app.InviteAndAcceptAsync(admin, "sanne@wijkteam-echt.nl", "Sanne");

        Assert.Contains("Sanne", await colleague.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal((await app.MemberAsync("beheer@wijkteam-echt.nl")).OrganisationId, (await app.MemberAsync("sanne@wijkteam-echt.nl")).OrganisationId);
        // The other registration's link now tells the mailbox's owner the address has an account, and makes nothing.
        var late = await app.Client().GetAsync(squatLink);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Er is al een account met het e-mailadres sanne@wijkteam-echt.nl", await late.TextAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync((db, _) => db.Organisations.AnyAsync(o => o.Name == "Kaping BV")));
    }

    [Theory]
    [InlineData("/kaart?ref=budgetcoaching&deelnemers=80", "/kaart?ref=budgetcoaching&deelnemers=80")]
    [InlineData("https://kwaadwillend.example/nep", "/projecten")]
    [InlineData("//kwaadwillend.example/nep", "/projecten")]
    public async Task After_the_link_the_new_admin_lands_where_they_started_if_that_is_a_page_of_this_site(string back, string landing)
    {
        var email = $"terug-{Guid.NewGuid():N}@voorbeeld.nl";
        var client = app.Client();
        var form = await client.TextAsync("/registreren?terug=" + Uri.EscapeDataString(back));
        Assert.Contains($"name=\"terug\" value=\"{back}\"", form, StringComparison.Ordinal);

        await Register(client, "Terugkeer", email, back);
        var confirmed = await ConfirmAsync(client, LinkIn(app.LatestMailTo(email), "/registreren/bevestigen/"));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(landing, confirmed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_pages_link_to_register_keeps_where_the_visitor_was_going()
    {
        var signIn = await app.Client().TextAsync("/inloggen?terug=%2Forganisatie");

        Assert.Contains("<a href=\"/registreren?terug=%2Forganisatie\">Meld uw organisatie aan</a>", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_link_makes_nothing_and_expired_registrations_are_removed_at_the_next_one()
    {
        var client = app.Client();
        await Register(client, "Te Laat", "laat@telaat.nl");
        var link = LinkIn(app.LatestMailTo("laat@telaat.nl"), "/registreren/bevestigen/");
        await app.WithDbAsync((db, _) => db.PendingRegistrations.Where(p => p.Email == "laat@telaat.nl")
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));

        var confirmed = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.NotFound, confirmed.StatusCode);
        Assert.Contains("hij is verlopen (na 24 uur)", await confirmed.TextAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync((db, _) => db.Users.AnyAsync(m => m.Email == "laat@telaat.nl")));
        await Register(client, "Op Tijd", "optijd@telaat.nl");
        Assert.False(await app.WithDbAsync((db, _) => db.PendingRegistrations.AnyAsync(p => p.Email == "laat@telaat.nl")));
    }

    [Fact]
    public async Task Without_a_mail_server_on_a_developers_machine_the_page_names_the_folder_with_the_email_but_not_the_link()
    {
        var registered = await Register(app.Client(), "Lokaal Getest", "lokaal@getest.nl");

        var text = WebApp.VisibleText(await registered.Content.ReadAsStringAsync());
        Assert.Contains("Deze installatie heeft geen mailserver (instelling Mail:Smtp:Host). De e-mail staat daarom als .eml-bestand in de map: " + app.MailFolder, text, StringComparison.Ordinal);
        Assert.DoesNotContain("/registreren/bevestigen/", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_public_address_set_the_page_does_not_name_any_folder()
    {
        using var configured = new PublicSite();

        var registered = await Register(configured.Client(), "Echt Geinstalleerd", "beheer@geinstalleerd.nl");

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var text = WebApp.VisibleText(await registered.Content.ReadAsStringAsync());
        Assert.Contains("We hebben een e-mail gestuurd naar beheer@geinstalleerd.nl", text, StringComparison.Ordinal);
        Assert.DoesNotContain("geen mailserver", text, StringComparison.Ordinal);
        Assert.DoesNotContain(configured.MailFolder, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_your_email_page_speaks_english_on_request()
    {
        var client = app.Client();
        var registered = await WebApp.Post(client, "/registreren?taal=en", "/registreren?taal=en",
        [
            new("organisatie", "English Team"), new("naam", "Admin"), new("email", "admin@english-registration.nl"),
            new("wachtwoord", Password), new("herhaal", Password),
        ]);

        Assert.Contains("We have sent an email to admin@english-registration.nl. Click the link in that email to finish your account",
            WebApp.VisibleText(await registered.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Finish your account with this link", app.LatestMailTo("admin@english-registration.nl"), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Register(HttpClient client, string organisation, string email, string? back = null) =>
        WebApp.Post(client, "/registreren", "/registreren",
        [
            new("organisatie", organisation), new("naam", "Beheerder " + organisation), new("email", email),
            new("wachtwoord", Password), new("herhaal", Password), new("terug", back ?? ""),
        ]);

    /// <summary>An installation with its public address set, as in production.</summary>
    private sealed class PublicSite : WebApp
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Mail:LinkBase", "https://impactkaart.voorbeeld.nl")];
    }
}
