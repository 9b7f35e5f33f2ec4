using System.Net;
using static Impactkaart.Web.Tests.AccountTestSupport;

namespace Impactkaart.Web.Tests;

/// <summary>A page that needs a sign-in sends a visitor to sign in and, after that, back to the page.</summary>
public sealed class AccountSignInTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task A_signed_out_visitor_of_the_organisation_page_signs_in_and_lands_back_on_it()
    {
        await app.CreateAccountAsync("De Schakel", "beheer@deschakel.nl");
        var client = app.Client();

        var page = await client.GetAsync("/organisatie");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var signInUrl = page.Headers.Location!.PathAndQuery;
        Assert.Equal("/inloggen?ReturnUrl=%2Forganisatie", signInUrl);
        var form = await client.TextAsync(signInUrl);
        var returnTo = System.Text.RegularExpressions.Regex.Match(form, "name=\"terug\" value=\"([^\"]*)\"").Groups[1].Value;
        Assert.Equal("/organisatie", returnTo);

        // As the browser posts the form: with its hidden return address.
        var signedIn = await WebApp.Post(client, signInUrl, "/inloggen", [new("email", "beheer@deschakel.nl"), new("wachtwoord", Password), new("terug", returnTo)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/organisatie", signedIn.Headers.Location!.OriginalString);
        var organisation = await client.TextAsync("/organisatie");
        Assert.Contains("<h1>De Schakel</h1>", organisation, StringComparison.Ordinal);
        Assert.Contains("beheer@deschakel.nl", organisation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_address_of_another_site_is_ignored()
    {
        await app.CreateAccountAsync("Het Buurthuis", "beheer@hetbuurthuis.nl");
        var client = app.Client();

        var signedIn = await WebApp.Post(client, "/inloggen?ReturnUrl=https%3A%2F%2Fkwaadwillend.example%2Fnep", "/inloggen",
            [new("email", "beheer@hetbuurthuis.nl"), new("wachtwoord", Password), new("terug", "https://kwaadwillend.example/nep")]);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/projecten", signedIn.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/wachtwoord-vergeten", "Forgot your password", "Send me a link")]
    [InlineData("/wachtwoord-herstellen", "Choose a new password", "This link no longer works")]
    [InlineData("/uitnodiging/onbekend", "Invitation no longer valid", "Ask the colleague who invited you for a new invitation")]
    [InlineData("/inloggen", "Sign in", "Forgot your password?")]
    public async Task The_account_pages_speak_english_on_request(string url, string title, string text)
    {
        var page = await app.Client().TextAsync(url + "?taal=en");

        Assert.Contains("<h1>" + title, page, StringComparison.Ordinal);
        Assert.Contains(text, page, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organisation_page_speaks_english_on_request()
    {
        await app.CreateAccountAsync("English Speaking Team", "admin@english-team.nl");
        var client = app.Client();
        await SignInAsync(client, "admin@english-team.nl");

        var page = await client.TextAsync("/organisatie?taal=en");

        Assert.Contains("Members", page, StringComparison.Ordinal);
        Assert.Contains("Member since", page, StringComparison.Ordinal);
        Assert.Contains("Invite a colleague", page, StringComparison.Ordinal);
        Assert.Contains("Admin", page, StringComparison.Ordinal);
    }
}
