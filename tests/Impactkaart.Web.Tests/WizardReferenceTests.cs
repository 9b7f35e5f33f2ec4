using System.Net;
using Impactkaart.Engine.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>The wizard and its reference project: step 1's messages name projects as the page shows them.</summary>
public sealed class WizardReferenceTests(WebApp app) : IClassFixture<WebApp>
{
    private readonly HttpClient client = app.Client();

    private ImpactModel Model => app.Services.GetRequiredService<ImpactModel>();

    [Theory]
    [InlineData("", "Mogelijk zijn: Buurtbemiddeling, Huisbezoeken aan ouderen, Maatjesproject")]
    [InlineData("?taal=en", "Possible are: Neighbourhood mediation, Home visits to older people, Buddy project")]
    public async Task An_unknown_reference_project_in_step_1_is_explained_with_the_names_the_page_shows(string taal, string names)
    {
        var response = await WebApp.Post(client, "/stap-1" + taal, "/stap-1" + taal, [new("ref", "bestaat-niet")]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = System.Text.RegularExpressions.Regex.Match(html, "id=\"ref-fout\">([^<]*)<").Groups[1].Value;
        Assert.Contains(names, message, StringComparison.Ordinal);
        foreach (var id in Model.ReferenceProjects.Select(p => p.Id).Where(id => id.Contains('-', StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(id, message, StringComparison.Ordinal);
        }
    }
}
