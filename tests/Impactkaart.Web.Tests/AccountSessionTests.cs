using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using static Impactkaart.Web.Tests.AccountTestSupport;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Sessions end on the server: a session cookie copied before sign-out or before a password reset no longer opens
/// the account, and signing out needs the form's anti-forgery token.
/// </summary>
public sealed class AccountSessionTests
{
    private const string Email = "beheer@buurtwerk-noord.nl";

    [Fact]
    public async Task A_session_cookie_copied_before_sign_out_is_refused_after_it()
    {
        using var app = new WebApp();
        var signedIn = await SignedInWithACopiedCookieAsync(app);
        using var browser = signedIn.Browser;
        using var thief = signedIn.Thief;

        var signedOut = await WebApp.Post(browser, "/", "/uitloggen", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var after = await thief.GetAsync("/projecten");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/inloggen", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_cookie_from_before_a_password_reset_is_refused_after_it()
    {
        using var app = new WebApp();
        var signedIn = await SignedInWithACopiedCookieAsync(app);
        using var browser = signedIn.Browser;
        using var thief = signedIn.Thief;

        using var owner = app.Client();
        await WebApp.Post(owner, "/wachtwoord-vergeten", "/wachtwoord-vergeten", [new("email", Email)]);
        var link = LinkIn(app.LatestMailTo(Email), "/wachtwoord-herstellen");
        var reset = await AccountPasswordResetTests.Reset(owner, link, "een nieuwe zin om te onthouden", "een nieuwe zin om te onthouden");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/projecten")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/projecten")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_without_the_form_token_is_refused_and_the_session_goes_on()
    {
        using var app = new WebApp();
        await app.CreateAccountAsync("Buurtwerk Noord", Email);
        using var browser = app.Client();
        await SignInAsync(browser, Email);

        using var withoutToken = await browser.PostAsync("/uitloggen", new FormUrlEncodedContent([]));
        using var withoutBody = await browser.PostAsync("/uitloggen", null);

        Assert.True(withoutToken.StatusCode == HttpStatusCode.BadRequest, await withoutToken.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, withoutBody.StatusCode);
        Assert.Contains("Het formulier is verlopen", await withoutToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/projecten")).StatusCode);
    }

    /// <summary>
    /// A member signed in in their own browser, and a second client that has only a copy of that session cookie and
    /// is let in with it.
    /// </summary>
    private static async Task<(HttpClient Browser, HttpClient Thief)> SignedInWithACopiedCookieAsync(WebApp app)
    {
        await app.CreateAccountAsync("Buurtwerk Noord", Email);
        var browser = app.Client();
        var thief = CookieClient(app, SessionCookie(await SignInAsync(browser, Email)));
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/projecten")).StatusCode);
        return (browser, thief);
    }

    /// <summary>The session cookie(s) a response sets, as one Cookie header value.</summary>
    private static string SessionCookie(HttpResponseMessage signedIn)
    {
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = signedIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("impactkaart.sessie", StringComparison.Ordinal)).Select(c => c.Split(';')[0]).ToList();
        Assert.NotEmpty(cookies);
        return string.Join("; ", cookies);
    }

    /// <summary>Another machine that only has the copied cookie and keeps none it is given.</summary>
    private static HttpClient CookieClient(WebApp app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
