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
        Assert.Contains("Het e-mailadres of het wachtwoord klopt niet", await wrong.TextAsync(), StringComparison.Ordinal);

        var right = await WebApp.Post(client, "/inloggen", "/inloggen", [new("email", "beheer@welzijn-noord.nl"), new("wachtwoord", "een lange zin als wachtwoord")]);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("Beheerder Stichting Welzijn Noord", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }
}

public sealed class SqliteAccountBasicsTests(WebApp app) : AccountBasicsTests(app), IClassFixture<WebApp>;

public sealed class PostgresAccountBasicsTests(PostgresWebApp app) : AccountBasicsTests(app), IClassFixture<PostgresWebApp>;

/// <summary>The health check a load balancer polls.</summary>
public sealed class HealthTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task The_health_check_says_ok_when_the_database_answers()
    {
        using var response = await app.Client().GetAsync("/gezondheid");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_health_check_answers_503_when_the_database_is_gone()
    {
        using var postgres = new PostgresWebApp();
        using var client = postgres.Client();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/gezondheid")).StatusCode);

        postgres.Database.Dispose(); // drops the database under the running app
        using var response = await client.GetAsync("/gezondheid");

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("database onbereikbaar", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
