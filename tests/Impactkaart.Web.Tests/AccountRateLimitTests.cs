using System.Net;
using static Impactkaart.Web.Tests.AccountTestSupport;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The account forms take at most 10 posts a minute from one address. A class of its own (so its own app and
/// limiter): every request of the test client comes from the same address.
/// </summary>
public sealed class AccountRateLimitTests(WebApp app) : IClassFixture<WebApp>
{
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
}
