using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Tests;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.WebUtilities;
using UglyToad.PdfPig;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Every field of the table survives every way through the web: an address, a form, and a saved project to each of
/// its downloads, its share link and its project page. The tests go over <see cref="ProjectFields"/>, so a field
/// added there is checked here without a change.
/// </summary>
public sealed partial class FieldRoundTripTests(WebApp app) : IClassFixture<WebApp>
{
    private static readonly string Version = ModelLoader.Shipped.Version;

    /// <summary>The fields a form or an address carries; the others are the file's stamp and the simulation settings.</summary>
    private static bool InForms(ProjectField field) => field.FormKey is not null;

    [Fact]
    public void An_address_carries_every_field_of_the_table_that_has_a_form_key()
    {
        var request = FieldExamples.EveryField();

        var url = ProjectState.FromRequest(request).Url("/kaart");
        var back = ProjectState.From(QueryHelpers.ParseQuery(new Uri("http://x" + url).Query)).ToRequest();

        Assert.Equal(ProjectFields.All.Where(InForms), ProjectState.Fields);
        Assert.Empty(FieldExamples.Differences(request, back, InForms));
    }

    [Fact]
    public async Task The_API_documents_every_field_of_the_table_in_each_project_body()
    {
        using var document = System.Text.Json.JsonDocument.Parse(await app.Client().GetStringAsync("/api/v1/openapi.json"));
        var paths = document.RootElement.GetProperty("paths");

        foreach (var (path, method) in new[] { ("/api/v1/compute", "post"), ("/api/v1/projects", "post"), ("/api/v1/projects/{id}", "put") })
        {
            var schema = paths.GetProperty(path).GetProperty(method).GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
            foreach (var field in ProjectFields.All)
            {
                var at = schema;
                foreach (var part in field.Json.Split('.'))
                {
                    Assert.True(at.GetProperty("properties").TryGetProperty(part, out at), $"{method} {path}: {field.Json} is not documented");
                }
                Assert.Contains(field.Description.En, at.GetProperty("description").GetString(), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("answers.intensiteit", "a.intensiteit", 3)]
    [InlineData("measured.kortere-bijstand", "m.kortere-bijstand", 3)]
    [InlineData("measured", "measured", 3)]
    [InlineData("discountRate", "discontovoet", 2)]
    [InlineData("costs.staffHours", "uren", 2)]
    [InlineData("modelVersion", "modelVersion", 1)]
    [InlineData("costs", "costs", 3)]
    public void A_message_about_a_field_goes_to_its_form_key_and_wizard_step(string field, string key, int step)
    {
        Assert.Equal(key, ProjectState.KeyFor(field));
        Assert.Equal(step, ProjectState.StepOf(field));
        if (key != field)
        {
            Assert.Equal(field, ProjectState.FieldNameOf(key));
        }
    }

    [Fact]
    public async Task The_map_form_takes_every_field_and_sends_it_on_in_the_address()
    {
        var request = FieldExamples.Valid(Version);
        var state = ProjectState.FromRequest(request);
        var client = app.Client();

        using var response = await WebApp.Post(client, state.Url("/kaart"), state.Url("/kaart"), state.Values);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = ProjectState.From(QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), response.Headers.Location!).Query)).ToRequest();
        Assert.Empty(FieldExamples.Differences(request, back, InForms));
    }

    [Fact]
    public async Task A_project_file_loaded_on_the_start_page_opens_the_map_with_every_field()
    {
        var request = FieldExamples.Valid(Version);
        var client = app.Client();
        var (token, cookie) = await WebApp.FormToken(client, "/");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(ProjectRequestJson.Write(request, Version))), "bestand", "project.json" },
        };
        using var post = new HttpRequestMessage(HttpMethod.Post, "/") { Content = content };
        if (cookie is not null)
        {
            post.Headers.Add("Cookie", cookie);
        }

        using var response = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = ProjectState.From(QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), response.Headers.Location!).Query)).ToRequest();
        Assert.Empty(FieldExamples.Differences(request, back, InForms));
    }

    [Fact]
    public async Task A_saved_project_keeps_every_field_in_its_downloads_share_link_and_project_page()
    {
        var (admin, api, _) = await ApiProjectsTests.OrganisationWithKeyAsync(app, "Stichting Velden", "read-write");
        var request = FieldExamples.Valid(Version);
        var body = ProjectRequestJson.Write(request, Version);

        using var created = await api.PostAsync("/api/v1/projects", ApiProjectsTests.Body(body));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ApiProjectsTests.JsonAsync(created)).GetProperty("id").GetGuid();

        // Stored: every field as it was sent.
        var details = await ApiProjectsTests.JsonAsync(await api.GetAsync($"/api/v1/projects/{id}"));
        var stored = ProjectRequestJson.Read(details.GetProperty("input").GetRawText()).Value!;
        Assert.Empty(FieldExamples.Differences(request, stored, f => f != ProjectFields.ModelVersion));

        // map.json: the map of the same project computed directly (the web draws with the model's defaults).
        var direct = request.Copy();
        direct.Draws = direct.Seed = null;
        using var computed = await app.Client().PostAsync("/api/v1/compute", ApiProjectsTests.Body(ProjectRequestJson.Write(direct, Version)));
        var expected = JsonNode.Parse(await computed.Content.ReadAsStringAsync());
        var mapJson = JsonNode.Parse(await api.GetStringAsync($"/api/v1/projects/{id}/map.json"));
        Assert.Equal(0.04m, mapJson!["discountRate"]!.GetValue<decimal>());
        Assert.True(JsonNode.DeepEquals(expected, mapJson), "map.json differs from the map of the same project");

        // map.pdf and map.xlsx say the project's 4%.
        using (var pdf = PdfDocument.Open(await api.GetByteArrayAsync($"/api/v1/projects/{id}/map.pdf")))
        {
            Assert.Contains("discontovoet4%", TextOf(pdf), StringComparison.Ordinal);
        }
        using (var xlsx = new MemoryStream(await api.GetByteArrayAsync($"/api/v1/projects/{id}/map.xlsx")))
        {
            var rows = MiniExcelLibs.MiniExcel.Query(xlsx).Select(r => ((IDictionary<string, object?>)r).Values.ToList()).ToList();
            var rate = Assert.Single(rows, r => r.Count > 1 && Equals(r[0], "Discontovoet"));
            Assert.Equal(0.04, Convert.ToDouble(rate[1], System.Globalization.CultureInfo.InvariantCulture), 6);
        }

        // The project page's map address carries every field the forms know, and its map is at 4%.
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/projecten/{id}"));
        var mapUrl = MapLink().Match(page).Groups[1].Value;
        var fromPage = ProjectState.From(QueryHelpers.ParseQuery(new Uri("http://x" + mapUrl).Query)).ToRequest();
        Assert.Empty(FieldExamples.Differences(request, fromPage, InForms));
        var map = WebUtility.HtmlDecode(await admin.GetStringAsync(mapUrl));
        Assert.Contains("discontovoet 4%", map, StringComparison.Ordinal);
        Assert.Contains(Ratio(mapJson), map, StringComparison.Ordinal);

        // The map's own project file: every field the address holds.
        var file = ProjectRequestJson.Read(await admin.GetStringAsync(mapUrl.Replace("/kaart?", "/kaart/json?", StringComparison.Ordinal))).Value!;
        Assert.Empty(FieldExamples.Differences(request, file, InForms));

        // The share link: the same map, at 4%.
        var share = $"/projecten/{id}/delen";
        using var made = await WebApp.Post(admin, share, share, [new("label", ""), new("verloopt", "")]);
        var token = SharedLink().Match(await made.Content.ReadAsStringAsync()).Groups[1].Value;
        var shared = WebUtility.HtmlDecode(await app.Client().GetStringAsync($"/gedeeld/{token}"));
        Assert.Contains("discontovoet 4%", shared, StringComparison.Ordinal);
        Assert.Contains(Ratio(mapJson), shared, StringComparison.Ordinal);
        using var sharedPdf = PdfDocument.Open(await app.Client().GetByteArrayAsync($"/gedeeld/{token}/pdf"));
        Assert.Contains("discontovoet4%", TextOf(sharedPdf), StringComparison.Ordinal);
    }

    /// <summary>A PDF's text without spaces: the reader joins some words and splits others.</summary>
    private static string TextOf(PdfDocument pdf) => string.Concat(pdf.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>"€ 1,23": the headline per euro as the pages write it.</summary>
    private static string Ratio(JsonNode? map) =>
        "€ " + Math.Round(map!["ratio"]!.GetValue<double>(), 2).ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

    [GeneratedRegex("href=\"(/kaart\\?[^\"]+)\"")]
    private static partial Regex MapLink();

    [GeneratedRegex("/gedeeld/([A-Za-z0-9_-]{43})")]
    private static partial Regex SharedLink();
}
