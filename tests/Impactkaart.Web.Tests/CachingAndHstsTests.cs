using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Impactkaart.Web.Tests;

/// <summary>An organisation's data is never stored by a browser or a shared cache; API keys belong to the organisation.</summary>
public sealed class NoStoreTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task Portfolio_exports_keyed_api_answers_and_map_downloads_say_no_store()
    {
        var (admin, api, _) = await ApiProjectsTests.OrganisationWithKeyAsync(app, "Stichting Geheim", "read-write");
        using var created = await api.PostAsync("/api/v1/projects", ApiProjectsTests.Body(ApiProjectsTests.Plan));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ApiProjectsTests.JsonAsync(created)).GetProperty("id").GetString();

        foreach (var (client, url) in new[]
        {
            (admin, "/projecten/export.csv"),
            (admin, "/projecten/export.xlsx"),
            (api, "/api/v1/projects"),
            (api, $"/api/v1/projects/{id}"),
            (api, $"/api/v1/projects/{id}/map.pdf"),
            (api, $"/api/v1/projects/{id}/map.json"),
            (admin, "/kaart/pdf?ref=budgetcoaching&deelnemers=80&kosten=90000"),
        })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url} has Cache-Control: {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task The_keys_page_says_that_keys_belong_to_the_organisation()
    {
        var admin = await app.RegisterAsync("Stichting Sleutelbos", $"beheer-{Guid.NewGuid():N}@sleutelbos.nl");

        var page = WebApp.VisibleText(await admin.GetStringAsync("/organisatie/api-sleutels"));

        Assert.Contains("Een sleutel hoort bij de organisatie, niet bij de beheerder die hem maakte", page, StringComparison.Ordinal);
    }
}

/// <summary>The app in the Production environment behind a proxy that forwards HTTPS.</summary>
public sealed class ProductionBehindProxyApp : WebApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("FORWARDEDHEADERS_ENABLED", "true")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

/// <summary>Outside Development, HTTPS answers carry HSTS, also when the HTTPS ends at a proxy.</summary>
public sealed class HstsTests(ProductionBehindProxyApp app) : IClassFixture<ProductionBehindProxyApp>
{
    [Fact]
    public async Task Https_answers_in_production_carry_strict_transport_security_also_behind_a_proxy()
    {
        using var client = app.Client();
        using var direct = await client.GetAsync(new Uri("https://impactkaart.example/"));
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, new Uri("http://impactkaart.example/"));
        forwarded.Headers.Add("X-Forwarded-Proto", "https");
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var proxied = await client.SendAsync(forwarded);
        using var plain = await client.GetAsync(new Uri("http://impactkaart.example/"));

        Assert.Contains("max-age=31536000", direct.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Contains("max-age=31536000", proxied.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }
}
