using System.Net;

namespace Impactkaart.Web.Tests;

/// <summary>The store works on both databases: registering creates and signs in an admin, who can sign out and in again.</summary>
public abstract class AccountBasicsTests(WebApp app)
{
    [Fact]
    public async Task Registering_signs_in_and_signing_in_again_works()
    {
        var client = await app.RegisterAsync("Stichting Welzijn Noord", "beheer@welzijn-noord.nl");
        var home = await client.GetStringAsync("/");
        Assert.Contains("Beheerder Stichting Welzijn Noord", home, StringComparison.Ordinal);
        Assert.Contains("Uitloggen", home, StringComparison.Ordinal);

        var signedOut = await WebApp.Post(client, "/", "/uitloggen", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("Inloggen", await client.GetStringAsync("/"), StringComparison.Ordinal);

        var wrong = await WebApp.Post(client, "/inloggen", "/inloggen", [new("email", "beheer@welzijn-noord.nl"), new("wachtwoord", "niet het goede wachtwoord")]);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("horen niet bij elkaar", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var right = await WebApp.Post(client, "/inloggen", "/inloggen", [new("email", "beheer@welzijn-noord.nl"), new("wachtwoord", "een lange zin als wachtwoord")]);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("Beheerder Stichting Welzijn Noord", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }
}

public sealed class SqliteAccountBasicsTests(WebApp app) : AccountBasicsTests(app), IClassFixture<WebApp>;

public sealed class PostgresAccountBasicsTests(PostgresWebApp app) : AccountBasicsTests(app), IClassFixture<PostgresWebApp>;
