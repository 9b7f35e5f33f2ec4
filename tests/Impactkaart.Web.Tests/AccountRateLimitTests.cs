using System.Net;
using static Impactkaart.Web.Tests.AccountTestSupport;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The account forms take at most 10 posts a minute from one address. A class of its own (so its own app and
/// limiter): every request of the test client comes from the same address.
/// </summary>
public sealed class AccountRateLimitTests(AccountRateLimitTests.App app) : IClassFixture<AccountRateLimitTests.App>
{
    /// <summary>The app with the account forms' own limit, as installed.</summary>
    public sealed class App : WebApp
    {
        protected override bool KeepsFormLimit => true;
    }

    [Fact]
    public async Task The_eleventh_sign_in_within_a_minute_gets_our_own_friendly_page_and_no_stack_trace()
    {
        var client = app.Client();
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var allowed = await SignInAsync(client, "iemand@voorbeeld.nl", "geraden wachtwoord " + attempt);
            Assert.Equal(HttpStatusCode.BadRequest, allowed.StatusCode);
        }

        var limited = await SignInAsync(client, "iemand@voorbeeld.nl", "nog een gok");
        var text = await limited.TextAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Te veel pogingen", text, StringComparison.Ordinal);
        Assert.Contains("probeer het over een minuut opnieuw", text, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"nl\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Microsoft.", text, StringComparison.Ordinal);

        // The other account forms share the limit; reading a page is never limited.
        var forgot = await WebApp.Post(client, "/wachtwoord-vergeten", "/wachtwoord-vergeten", [new("email", "iemand@voorbeeld.nl")]);
        Assert.Equal(HttpStatusCode.TooManyRequests, forgot.StatusCode);
        Assert.Contains("Te veel pogingen", await forgot.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/inloggen")).StatusCode);
    }

    [Fact]
    public async Task Invitations_and_the_registration_link_count_toward_the_same_limit()
    {
        using var fresh = new App();
        await fresh.CreateAccountAsync("Snel Uitnodigen", "beheer@snel-uitnodigen.nl");
        var admin = fresh.Client();
        await SignInAsync(admin, "beheer@snel-uitnodigen.nl");
        for (var i = 1; i <= 9; i++)
        {
            var invited = await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", $"collega{i}@snel-uitnodigen.nl"), new("rol", "lid")]);
            Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        }

        var eleventh = await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", "collega10@snel-uitnodigen.nl"), new("rol", "lid")]);
        var link = await WebApp.Post(fresh.Client(), "/registreren/bevestigen/iets", "/registreren/bevestigen/iets", []);

        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        Assert.Contains("Te veel pogingen", await eleventh.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, fresh.MailCountTo("collega10@snel-uitnodigen.nl"));
        Assert.Equal(HttpStatusCode.TooManyRequests, link.StatusCode);
    }
}
