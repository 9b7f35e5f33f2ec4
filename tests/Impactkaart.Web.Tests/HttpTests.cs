using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Impactkaart.Web.Tests;

/// <summary>The pages and downloads over HTTP: every bad-input class gets a message next to its field, never a server error.</summary>
public sealed class HttpTests(WebApp app) : IClassFixture<WebApp>
{
    private const string Budgetcoaching = "ref=budgetcoaching&deelnemers=80&kosten=90000";

    private readonly HttpClient client = app.Client();

    [Fact]
    public async Task The_start_page_is_dutch_by_default_and_english_on_request()
    {
        var dutch = await client.GetStringAsync("/");
        var english = await client.GetStringAsync("/?taal=en");

        Assert.Contains("<html lang=\"nl\">", dutch, StringComparison.Ordinal);
        Assert.Contains("Begin een nieuwe kaart", dutch, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("Start a new map", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_sets_a_cookie_and_returns_to_the_same_page_only_on_this_site()
    {
        var local = await client.GetAsync("/taal/en?terug=%2Fkaart%3Fref%3Dbudgetcoaching");
        var elsewhere = await client.GetAsync("/taal/en?terug=%2F%2Fevil.example%2F");

        Assert.Equal(HttpStatusCode.Redirect, local.StatusCode);
        Assert.Equal("/kaart?ref=budgetcoaching", local.Headers.Location!.OriginalString);
        Assert.Contains(local.Headers.GetValues("Set-Cookie"), c => c.StartsWith("taal=en", StringComparison.Ordinal));
        Assert.Equal("/", elsewhere.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Step_3_of_an_evaluation_and_the_plans_map_show_the_same_gross_value_per_participant()
    {
        // 80 participants for 9,000 euro: 112.50 per participant, a tenth of the usual 1,125, so the model expects
        // 0.1^0.75 = 0.177828 of the reference effect: 0.02 x 0.177828 = 0.0036 evictions per participant (gross).
        var step3 = WebUtility.HtmlDecode(await client.GetStringAsync("/stap-3?ref=budgetcoaching&deelnemers=80&kosten=9000&fase=evaluatie"));
        var map = WebUtility.HtmlDecode(await client.GetStringAsync("/kaart?ref=budgetcoaching&deelnemers=80&kosten=9000"));

        Assert.Contains("per deelnemer, bruto", step3, StringComparison.Ordinal);
        Assert.Contains("wat ook zonder project was gebeurd (deadweight)", step3, StringComparison.Ordinal);
        Assert.Contains("Verwacht zonder meting: 0,0036", step3, StringComparison.Ordinal);
        Assert.Contains("0,0036 uitzettingen bruto", map, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_step_one_goes_to_step_two_with_its_values_in_the_address()
    {
        var response = await WebApp.Post(client, "/stap-1", "/stap-1", [new("ref", "budgetcoaching"), new("naam", "Geld op orde"), new("maanden", "12")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/stap-2?", location, StringComparison.Ordinal);
        Assert.Contains("naam=Geld%20op%20orde", location, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> BadSteps() => new()
    {
        // step page, posted fields (k=v&...), the field, a fragment of its Dutch message
        { "/stap-1", "naam=x", "ref", "Kies het referentieproject dat het meest op uw project lijkt" },
        { "/stap-1", "ref=bestaat-niet", "ref", "bestaat niet" },
        { "/stap-1", "ref=budgetcoaching&maanden=0", "maanden", "tussen 1 en 120" },
        { "/stap-1", "ref=budgetcoaching&maanden=121", "maanden", "tussen 1 en 120" },
        { "/stap-1", "ref=budgetcoaching&start=31-31-2026", "start", "geen geldige datum; schrijf dag-maand-jaar" },
        { "/stap-1", "ref=budgetcoaching&naam=" + new string('x', 201), "naam", "Naam: u gaf 201 tekens; er passen er 200." },
        { "/stap-2", "ref=budgetcoaching&kosten=90000", "deelnemers", "vul een heel getal in" },
        { "/stap-2", "ref=budgetcoaching&deelnemers=0&kosten=90000", "deelnemers", "tussen 1 en 1.000.000" },
        { "/stap-2", "ref=budgetcoaching&deelnemers=-3&kosten=90000", "deelnemers", "tussen 1 en 1.000.000" },
        { "/stap-2", "ref=budgetcoaching&deelnemers=tachtig&kosten=90000", "deelnemers", "geen heel getal" },
        { "/stap-2", "ref=budgetcoaching&deelnemers=80&kosten=-5", "kosten", "tussen 0 en" },
        { "/stap-2", "ref=budgetcoaching&deelnemers=80&kosten=2000000000", "kosten", "tussen 0 en" },
        { "/stap-2", "ref=budgetcoaching&deelnemers=80", "kosten", "Vul de kosten van het project in" },
        { "/stap-2", "ref=budgetcoaching&deelnemers=80&uren=100", "uurtarief", "vul het uurtarief in" },
        { "/stap-3", Budgetcoaching + "&a.intensiteit=heel-veel", "a.intensiteit", "Kies uit" },
        { "/stap-3", Budgetcoaching + "&fase=evaluatie&m.kortere-bijstand=-1", "m.kortere-bijstand", "tussen 0 en" },
    };

    [Theory]
    [MemberData(nameof(BadSteps))]
    public async Task Bad_input_in_a_step_is_named_next_to_its_field_and_nothing_typed_is_lost(string page, string fields, string field, string message)
    {
        var posted = fields.Split('&').Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1])).ToList();
        var response = await WebApp.Post(client, "/stap-1", page, posted);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"id=\"{field}-fout\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        // Typed values come back in their fields; a choice that is not one of the options has no field to come back in.
        foreach (var (key, value) in posted.Where(p => p.Value.Length is > 0 and < 100 && !p.Key.StartsWith("a.", StringComparison.Ordinal)))
        {
            Assert.Contains($"value=\"{value}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Going_back_a_step_keeps_what_was_typed_even_if_it_is_not_valid_yet()
    {
        var response = await WebApp.Post(client, "/stap-1", "/stap-2", [new("ref", "budgetcoaching"), new("deelnemers", "0"), new("kosten", "90000"), new("actie", "terug")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/stap-1?", location, StringComparison.Ordinal);
        Assert.Contains("deelnemers=0", location, StringComparison.Ordinal);
        Assert.Contains("kosten=90000", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_of_the_budget_coaching_example_says_every_euro_returns_1_90()
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/kaart?" + Budgetcoaching));

        // The example's 1.90 is the money view, one of the two views on the map (before: "Elke geïnvesteerde euro levert € 1,90 op").
        Assert.Contains("Opbrengst in geld", html, StringComparison.Ordinal);
        Assert.Contains("€ 1,90 per geïnvesteerde euro", WebApp.VisibleText(html), StringComparison.Ordinal);
        Assert.Contains("80% van de uitkomsten ligt tussen", html, StringComparison.Ordinal);
        Assert.Contains("Gemeente", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_map_address_with_bad_values_explains_them_instead_of_failing()
    {
        var response = await client.GetAsync("/kaart?ref=budgetcoaching&deelnemers=abc&kosten=1e99&a.intensiteit=%3Cscript%3E");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("/stap-2?", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_the_project_name_is_shown_as_text_never_run()
    {
        var html = await client.GetStringAsync("/kaart?" + Budgetcoaching + "&naam=" + Uri.EscapeDataString("<script>alert(1)</script>"));

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_if_with_a_bad_value_keeps_the_map_and_names_the_field()
    {
        var response = await WebApp.Post(client, "/kaart?" + Budgetcoaching, "/kaart?" + Budgetcoaching, [new("ref", "budgetcoaching"), new("deelnemers", "0"), new("kosten", "90000")]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"deelnemers-fout\"", html, StringComparison.Ordinal);
        Assert.Contains("€ 1,90 per geïnvesteerde euro", WebApp.VisibleText(html), StringComparison.Ordinal);
        Assert.Contains("value=\"0\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_if_with_good_values_goes_to_the_recalculated_map()
    {
        var response = await WebApp.Post(client, "/kaart?" + Budgetcoaching, "/kaart?" + Budgetcoaching, [new("ref", "budgetcoaching"), new("deelnemers", "160"), new("kosten", "90000")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("deelnemers=160", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_gets_our_own_not_found_page()
    {
        var response = await client.GetAsync("/bestaat/niet");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Pagina niet gevonden", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused_with_our_own_page()
    {
        using var content = new FormUrlEncodedContent([new("ref", "budgetcoaching")]);
        var response = await client.PostAsync("/stap-1", content);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Er ging iets mis", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_methodology_is_generated_from_the_model_with_every_source()
    {
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/verantwoording"));

        Assert.Contains("id=\"bron-werkgroep-discontovoet-2020\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"project-budgetcoaching\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"prijs-bijstand-uitkering\"", html, StringComparison.Ordinal);
        Assert.Contains("2,25%", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_downloads_are_a_pdf_a_workbook_a_png_an_svg_and_the_inputs()
    {
        var pdf = await client.GetAsync("/kaart/pdf?" + Budgetcoaching);
        var xlsx = await client.GetAsync("/kaart/xlsx?" + Budgetcoaching);
        var png = await client.GetAsync("/kaart/png?" + Budgetcoaching);
        var svg = await client.GetAsync("/kaart/svg?" + Budgetcoaching);
        var json = await client.GetAsync("/kaart/json?" + Budgetcoaching);

        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);
        Assert.Equal("impactkaart-budgetcoaching.pdf", pdf.Content.Headers.ContentDisposition!.FileNameStar ?? pdf.Content.Headers.ContentDisposition.FileName);
        Assert.StartsWith("PK", Encoding.ASCII.GetString(await xlsx.Content.ReadAsByteArrayAsync())[..2], StringComparison.Ordinal);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await png.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Equal("svg", XDocument.Parse(await svg.Content.ReadAsStringAsync()).Root!.Name.LocalName);
        Assert.Contains("\"referenceProject\": \"budgetcoaching\"", await json.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workbook_download_computes_and_names_its_parts_relatively()
    {
        var bytes = await client.GetByteArrayAsync("/kaart/xlsx?" + Budgetcoaching);

        using var zip = new ZipArchive(new MemoryStream(bytes));
        string Part(string path)
        {
            using var reader = new StreamReader(zip.GetEntry(path)!.Open());
            return reader.ReadToEnd();
        }
        // Some readers (exceljs) refuse absolute part paths.
        Assert.DoesNotContain("Target=\"/", Part("_rels/.rels") + Part("xl/_rels/workbook.xml.rels"), StringComparison.Ordinal);
        Assert.Contains("<definedName name=\"Deelnemers\">Invoer!$B$", Part("xl/workbook.xml"), StringComparison.Ordinal);
        // The results sheet (second) holds the ratio as a formula over the trail, with the engine's figure cached.
        Assert.Contains("<f>SUMIFS(Rekenspoor!", Part("xl/worksheets/sheet2.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_of_bad_input_goes_back_to_the_map_page_that_explains_it()
    {
        var response = await client.GetAsync("/kaart/pdf?ref=budgetcoaching&deelnemers=0&kosten=90000");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/kaart?", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_downloaded_project_file_loads_back_into_the_same_map()
    {
        var json = await client.GetStringAsync("/kaart/json?" + Budgetcoaching + "&naam=Noord&a.intensiteit=meer");

        var response = await Upload(json);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/kaart?", location, StringComparison.Ordinal);
        Assert.Contains("a.intensiteit=meer", location, StringComparison.Ordinal);
        Assert.Contains("naam=Noord", location, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadUploads() => new()
    {
        { "{ \"referenceProject\": \"budgetcoaching\", ", "geen geldige JSON" },
        { "{ \"modelVersion\": \"0.0.1\", \"referenceProject\": \"budgetcoaching\", \"participants\": 80, \"cost\": 90000 }", "gemaakt met model 0.0.1" },
        { "{ \"referenceProject\": \"budgetcoaching\", \"kleur\": \"rood\" }", "'kleur' is onbekend" },
        { "[1, 2, 3]", "één JSON-object" },
        { "{ \"referenceProject\": \"budgetcoaching\", \"participants\": " + new string('9', 70_000) + " }", "te groot" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_project_file_is_refused_with_a_message_next_to_the_file_field(string contents, string message)
    {
        var response = await Upload(contents);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"bestand-fout\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> Upload(string contents)
    {
        var (token, cookie) = await WebApp.FormToken(client, "/");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(contents)), "bestand", "project.json" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = form };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        return await client.SendAsync(request);
    }
}
