using System.Net;
using static Impactkaart.Web.Tests.AccountTestSupport;

namespace Impactkaart.Web.Tests;

/// <summary>Return addresses ("terug") are parsed: only a path of this site is followed, anything else goes to a start page, never a 5xx.</summary>
public sealed class ReturnAddressTests(WebApp app) : IClassFixture<WebApp>
{
    /// <summary>Hostile "terug" values as they appear in the query string (already percent-encoded where needed).</summary>
    public static TheoryData<string> Hostile =>
    [
        "/%09/evil.example/x",
        "//evil.example",
        "/%5Cevil.example",
        "%2F%2Fevil.example",
        "https%3A%2F%2Fevil.example",
        "/%0d%0aSet-Cookie:x",
        "javascript:alert(1)",
        "/%E2%80%AE",
        "%00",
        "/%7F",
        "/%252F%252Fevil.example",
        "/ %0a",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task The_language_switch_sends_a_hostile_return_address_to_the_start_page(string terug)
    {
        using var client = app.Client();
        using var response = await client.GetAsync("/taal/en?terug=" + terug);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("%2Fkaart%3Fref%3Dbudgetcoaching", "/kaart?ref=budgetcoaching")]
    [InlineData("%2Fprojecten%2F12%3Fa%3D1%26b%3D%25C3%25AB", "/projecten/12?a=1&b=%C3%AB")]
    [InlineData("%2F", "/")]
    [InlineData("%2Fkaart%3Fref%3Dbudgetcoaching%26naam%3DGeld%2520op%2520orde", "/kaart?ref=budgetcoaching&naam=Geld%20op%20orde")]
    public async Task The_language_switch_returns_to_a_page_of_this_site(string terug, string expected)
    {
        using var client = app.Client();
        using var response = await client.GetAsync("/taal/en?terug=" + terug);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\tevil.example")]
    [InlineData("/\u202Eevil")]
    public async Task Signing_in_with_a_hostile_return_address_goes_to_the_projects(string terug)
    {
        var email = $"terug-{Guid.NewGuid():N}@voorbeeld.nl";
        await app.CreateAccountAsync("Stichting Terug", email);
        using var client = app.Client();

        using var response = await WebApp.Post(client, "/inloggen", "/inloggen", [new("email", email), new("wachtwoord", Password), new("terug", terug)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/projecten", response.Headers.Location!.OriginalString);
    }
}
