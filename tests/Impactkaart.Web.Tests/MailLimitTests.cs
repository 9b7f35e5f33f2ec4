using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Impactkaart.Web.Tests.AccountTestSupport;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Account emails have limits an hour: per recipient address (all kinds together) and invitations per organisation.
/// Over a limit the form says which limit, never a 500; after the hour (a clock the test moves) it works again.
/// </summary>
public sealed class MailLimitTests
{
    [Fact]
    public async Task A_fourth_email_to_one_address_within_the_hour_is_refused_on_the_form_until_the_hour_is_over()
    {
        using var app = new App();
        await app.CreateAccountAsync("Veel Post", "beheer@veelpost.nl");
        var client = app.Client();
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await AskReset(client, "beheer@veelpost.nl")).StatusCode);
        }

        var fourth = await AskReset(client, "beheer@veelpost.nl");

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Contains("Naar dit e-mailadres zijn het afgelopen uur al 3 e-mails van de Impactkaart gestuurd; meer sturen we niet binnen een uur.",
            await fourth.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(3, app.MailCountTo("beheer@veelpost.nl"));
        // The limit is per address, whatever the kind: registering with it is refused too.
        var registered = await WebApp.Post(client, "/registreren", "/registreren",
        [
            new("organisatie", "Veel Post Twee"), new("naam", "Iemand"), new("email", "beheer@veelpost.nl"),
            new("wachtwoord", Password), new("herhaal", Password),
        ]);
        Assert.Equal(HttpStatusCode.TooManyRequests, registered.StatusCode);
        Assert.Equal(3, app.MailCountTo("beheer@veelpost.nl"));

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.OK, (await AskReset(client, "beheer@veelpost.nl")).StatusCode);
        Assert.Equal(4, app.MailCountTo("beheer@veelpost.nl"));
    }

    [Fact]
    public async Task An_address_without_an_account_reaches_the_limit_just_like_one_with_an_account()
    {
        using var app = new App();
        var client = app.Client();
        for (var i = 1; i <= 3; i++)
        {
            await AskReset(client, "niemand@veelpost.nl");
        }

        var fourth = await AskReset(client, "niemand@veelpost.nl");

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Contains("Naar dit e-mailadres zijn het afgelopen uur al 3 e-mails", await fourth.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_sends_at_most_its_invitations_an_hour_and_the_form_says_so()
    {
        using var app = new App();
        await app.CreateAccountAsync("Uitnodigend", "beheer@uitnodigend.nl");
        var admin = app.Client();
        await SignInAsync(admin, "beheer@uitnodigend.nl");
        for (var i = 1; i <= 4; i++)
        {
            var invited = await Invite(admin, $"collega{i}@uitnodigend.nl");
            Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        }

        var fifth = await Invite(admin, "collega5@uitnodigend.nl");

        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        var text = await fifth.TextAsync();
        Assert.Contains("Uw organisatie heeft het afgelopen uur al 4 uitnodigingen verstuurd; meer kan niet binnen een uur.", text, StringComparison.Ordinal);
        Assert.Contains("value=\"collega5@uitnodigend.nl\"", text, StringComparison.Ordinal);
        Assert.Equal(0, app.MailCountTo("collega5@uitnodigend.nl"));
        Assert.False(await app.WithDbAsync((db, _) => db.Invitations.AnyAsync(i => i.Email == "collega5@uitnodigend.nl")));

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Redirect, (await Invite(admin, "collega5@uitnodigend.nl")).StatusCode);
        Assert.Equal(1, app.MailCountTo("collega5@uitnodigend.nl"));
    }

    [Fact]
    public async Task The_limit_message_speaks_english_on_request()
    {
        using var app = new App();
        var client = app.Client();
        for (var i = 1; i <= 3; i++)
        {
            await AskReset(client, "someone@manymails.nl");
        }

        var fourth = await WebApp.Post(client, "/wachtwoord-vergeten?taal=en", "/wachtwoord-vergeten?taal=en", [new("email", "someone@manymails.nl")]);

        Assert.Contains("3 emails from the Impactkaart have been sent to this address in the past hour; we send no more within an hour.",
            await fourth.TextAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> AskReset(HttpClient client, string email) =>
        WebApp.Post(client, "/wachtwoord-vergeten", "/wachtwoord-vergeten", [new("email", email)]);

    private static Task<HttpResponseMessage> Invite(HttpClient admin, string email) =>
        WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", email), new("rol", "lid")]);

    /// <summary>The default limit per address (3); 4 invitations per organisation, to keep the test short; a clock the test moves.</summary>
    private sealed class App : WebApp
    {
        public ManualClock Clock { get; } = new();

        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Mail:Limits:InvitationsPerOrganisationPerHour", "4")];

        protected override void ReplaceServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }
}
