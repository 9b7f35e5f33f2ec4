using System.Net;
using static Impactkaart.Web.Tests.AccountTestSupport;

namespace Impactkaart.Web.Tests;

/// <summary>Five wrong passwords lock an account; a password reset lifts the lock.</summary>
public sealed class AccountLockoutTests(WebApp app) : IClassFixture<WebApp>
{
    private const string SignInModelRefusal = "Het e-mailadres of het wachtwoord klopt niet. Na vijf verkeerde pogingen kunt u een kwartier niet inloggen; met een nieuw wachtwoord lukt het meteen weer.";

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_a_new_password_is_chosen()
    {
        await app.CreateAccountAsync("Welzijn Midden", "beheer@welzijn-midden.nl");
        var client = app.Client();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await SignInAsync(client, "beheer@welzijn-midden.nl", "dit is het niet " + attempt);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        var right = await SignInAsync(client, "beheer@welzijn-midden.nl");
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        // The same words as for a wrong password or an unknown address: a locked account is not told apart.
        Assert.Contains(SignInModelRefusal, await right.TextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Uitloggen", await client.GetStringAsync("/"), StringComparison.Ordinal);

        await WebApp.Post(client, "/wachtwoord-vergeten", "/wachtwoord-vergeten", [new("email", "beheer@welzijn-midden.nl")]);
        var link = LinkIn(app.LatestMailTo("beheer@welzijn-midden.nl"), "/wachtwoord-herstellen");
        var reset = await AccountPasswordResetTests.Reset(client, link, "na de blokkade een nieuwe zin", "na de blokkade een nieuwe zin");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var afterReset = await SignInAsync(client, "beheer@welzijn-midden.nl", "na de blokkade een nieuwe zin");
        Assert.Equal(HttpStatusCode.Redirect, afterReset.StatusCode);
        Assert.Contains("Beheerder Welzijn Midden", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
