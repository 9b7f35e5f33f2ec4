using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Impactkaart.Web.Tests;

/// <summary>A municipality's own form on its own site, in a real browser, using the API across sites.</summary>
[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed class ApiCorsBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task A_form_on_another_site_reads_the_model_and_computes_a_map_but_cannot_use_an_organisations_key()
    {
        var (_, _, key) = await ApiProjectsTests.OrganisationWithKeyAsync(app.App, "Stichting Formulier", "read");
        var page = await app.NewPageAsync();
        // The other site: a server of its own on another port of 127.0.0.1, so another origin in the same (loopback)
        // address space, as a municipality's site and our API are both on the internet.
        await using var otherSite = await OtherSiteAsync();
        await page.GotoAsync(otherSite.Urls.First() + "/impact");

        var computed = await page.EvaluateAsync<string>(
            """
            async ([api, project]) => {
              const model = await (await fetch(api + '/api/v1/model')).json();
              const answer = await fetch(api + '/api/v1/compute?draws=200', {
                method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en' }, body: project });
              const map = await answer.json();
              return [model.version, map.referenceProjectLabel, map.uncertainty.draws].join('|');
            }
            """,
            new object[] { app.BaseUrl, ApiComputeTests.Project });
        var withKey = await page.EvaluateAsync<string>(
            """
            async ([api, key]) => {
              try { const answer = await fetch(api + '/api/v1/projects', { headers: { 'X-Api-Key': key } }); return 'read ' + answer.status; }
              catch (e) { return 'blocked'; }
            }
            """,
            new object[] { app.BaseUrl, key });

        var model = Impactkaart.Engine.Model.ModelLoader.Shipped;
        Assert.Equal($"{model.Version}|Budget coaching|200", computed, ignoreCase: true);
        Assert.Equal("blocked", withKey);
    }

    private static async Task<WebApplication> OtherSiteAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var site = builder.Build();
        site.MapGet("/impact", () => Results.Content(
            "<!doctype html><html lang=\"nl\"><title>Impact van uw project</title><h1>Gemeente Voorbeeld</h1></html>", "text/html; charset=utf-8"));
        await site.StartAsync();
        return site;
    }
}
