using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The map's links and forms followed over HTTP the way a browser without JavaScript follows them: the download
/// links, the language switch, what-if, going back through the wizard, a project file loaded back. These checks
/// drove Chromium before; nothing in them needs a script or a layout, so the browser added only time.
/// </summary>
public sealed partial class MapLinksAndFormsTests(WebApp app) : IClassFixture<WebApp>
{
    private const string Budgetcoaching = "/kaart?ref=budgetcoaching&deelnemers=80&kosten=90000";

    [Fact]
    public async Task The_pdf_link_downloads_one_page_with_the_ratio()
    {
        var (name, bytes) = await DownloadAsync(Budgetcoaching, "PDF (één A4)");

        Assert.Equal("impactkaart-budgetcoaching.pdf", name);
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains("1,90", pdf.GetPage(1).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_excel_link_downloads_a_workbook_with_the_ratio_as_a_number()
    {
        var (name, bytes) = await DownloadAsync(Budgetcoaching, "Excel met rekenspoor");

        Assert.Equal("impactkaart-budgetcoaching.xlsx", name);
        using var stream = new MemoryStream(bytes);
        var sheets = MiniExcel.GetSheetNames(stream);
        Assert.True(sheets.Count >= 2, "sheets: " + string.Join(", ", sheets));
        var numbers = sheets.SelectMany(sheet =>
        {
            stream.Position = 0;
            return MiniExcel.Query(stream, sheetName: sheet).Cast<IDictionary<string, object?>>().SelectMany(row => row.Values).ToList();
        }).Select(AsNumber).OfType<double>();
        Assert.Contains(numbers, n => Math.Abs(n - 1.90) < 0.005);
    }

    [Fact]
    public async Task The_image_links_download_an_accessible_svg_and_a_png()
    {
        var (svgName, svgBytes) = await DownloadAsync(Budgetcoaching, "Afbeelding (SVG)");
        var (pngName, pngBytes) = await DownloadAsync(Budgetcoaching, "Afbeelding (PNG)");

        Assert.Equal("impactkaart-budgetcoaching.svg", svgName);
        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(svgBytes)).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        var title = svg.Element(ns + "title");
        Assert.NotNull(title);
        Assert.False(string.IsNullOrWhiteSpace(title.Value));
        Assert.Equal("impactkaart-budgetcoaching.png", pngName);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, pngBytes[..8]);
    }

    [Fact]
    public async Task The_json_link_downloads_the_inputs_and_the_start_page_loads_them_into_the_same_map()
    {
        var client = app.Client();
        var map = await client.GetStringAsync(Budgetcoaching + "&naam=Noord&a.intensiteit=meer");
        var (name, bytes) = await DownloadAsync(Budgetcoaching + "&naam=Noord&a.intensiteit=meer", "Invoer (JSON)");
        Assert.Equal("impactkaart-budgetcoaching.json", name);

        var start = await client.GetStringAsync("/");
        var loaded = await HtmlForm.WithButton(start, "Laden").SubmitAsync(client, ("bestand", "project.json", bytes));

        Assert.Equal(HttpStatusCode.Redirect, loaded.StatusCode);
        var address = loaded.Headers.Location!.OriginalString;
        Assert.StartsWith("/kaart?", address, StringComparison.Ordinal);
        Assert.Contains("a.intensiteit=meer", address, StringComparison.Ordinal);
        var again = await client.GetStringAsync(address);
        Assert.Equal(Ratio(map), Ratio(again));
        Assert.Equal(Html.Text(Html.ByClass(map, "keyfigures")), Html.Text(Html.ByClass(again, "keyfigures")));
        Assert.Contains("Noord", Html.Text(Regex.Match(again, "<h1\\b[^>]*>(.*?)</h1>", RegexOptions.Singleline).Groups[1].Value), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_in_the_main_menu_shows_the_same_map_in_english_and_back()
    {
        var client = app.Client();
        var dutch = await client.GetStringAsync(Budgetcoaching);

        var toEnglish = await client.GetAsync(Html.Link(Html.ByAttribute(dutch, "aria-label", "Hoofdmenu")!, "English"));
        Assert.Equal(HttpStatusCode.Redirect, toEnglish.StatusCode);
        Assert.Equal(Budgetcoaching, toEnglish.Headers.Location!.OriginalString);
        var english = await client.GetStringAsync(Budgetcoaching);

        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("€1.90 per euro invested", Ratio(english), StringComparison.Ordinal);
        Assert.Matches("<h2[^>]*>Who pays, who gains</h2>", english);

        var toDutch = await client.GetAsync(Html.Link(Html.ByAttribute(english, "aria-label", "Main menu")!, "Nederlands"));
        Assert.Equal(Budgetcoaching, toDutch.Headers.Location!.OriginalString);
        var back = await client.GetStringAsync(Budgetcoaching);
        Assert.Contains("<html lang=\"nl\">", back, StringComparison.Ordinal);
        Assert.Contains("€ 1,90", Ratio(back), StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_if_more_participants_recalculates_the_map()
    {
        var client = app.Client();
        var before = await client.GetStringAsync(Budgetcoaching);

        var response = await HtmlForm.WithButton(before, "Opnieuw berekenen").With("deelnemers", "160").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var address = response.Headers.Location!.OriginalString;
        Assert.Contains("deelnemers=160", address, StringComparison.Ordinal);
        var after = await client.GetStringAsync(address);
        Assert.Contains("€ 1,90", Ratio(before), StringComparison.Ordinal);
        Assert.NotEqual(Ratio(before), Ratio(after));
        Assert.Matches("€ \\d+,\\d\\d", Ratio(after));
        Assert.Contains("160 deelnemers", Html.Text(Html.ByClass(after, "muted")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Going_back_a_step_keeps_what_was_typed()
    {
        var client = app.Client();
        var step1 = HtmlForm.WithButton(await client.GetStringAsync("/stap-1"), "Volgende stap")
            .With("ref", "budgetcoaching").With("naam", "Terug en weer").With("maanden", "18");
        var step2 = await FormAfterAsync(client, await step1.SubmitAsync(client), "/stap-2", "Volgende stap");
        var step3 = await FormAfterAsync(client, await step2.With("deelnemers", "80").With("kosten", "90000").SubmitAsync(client), "/stap-3", "Vorige stap");

        var backTo2 = await FormAfterAsync(client, await step3.SubmitAsync(client), "/stap-2", "Vorige stap");
        Assert.Equal("80", backTo2["deelnemers"]);
        Assert.Equal("90000", backTo2["kosten"]);

        var backTo1 = await FormAfterAsync(client, await backTo2.SubmitAsync(client), "/stap-1", "Volgende stap");
        Assert.Equal("budgetcoaching", backTo1["ref"]);
        Assert.Equal("Terug en weer", backTo1["naam"]);
        Assert.Equal("18", backTo1["maanden"]);

        var forwardAgain = await FormAfterAsync(client, await backTo1.SubmitAsync(client), "/stap-2", "Volgende stap");
        Assert.Equal("80", forwardAgain["deelnemers"]);
    }

    [Fact]
    public async Task Walking_the_wizard_for_home_visits_to_the_elderly_gives_1_20_and_the_hours_saved_per_sector()
    {
        var client = app.Client();
        var start = await client.GetStringAsync("/");
        var step1 = HtmlForm.WithButton(await client.GetStringAsync(Html.Link(start, "Begin een nieuwe kaart")), "Volgende stap")
            .With("ref", "huisbezoek-ouderen");
        var step2 = await FormAfterAsync(client, await step1.SubmitAsync(client), "/stap-2", "Volgende stap");
        var step3 = await FormAfterAsync(client, await step2.With("deelnemers", "40").With("kosten", "37000").SubmitAsync(client), "/stap-3", "Toon de Impactkaart");
        var shown = await step3.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, shown.StatusCode);
        Assert.StartsWith("/kaart?", shown.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var map = await client.GetStringAsync(shown.Headers.Location.OriginalString);

        Assert.Contains("€ 1,20", Ratio(map), StringComparison.Ordinal);
        // The chart says it per sector (its accessible description), the table per profession with its sector.
        var chart = Html.Text(Html.ByAttribute(map, "data-chart", "hours")!.Split("<desc")[1].Split("</desc>")[0].Split('>', 2)[1]);
        Assert.InRange(HoursIn(chart, "Verpleging, verzorging en thuiszorg"), 850, 950);
        Assert.InRange(HoursIn(chart, "Eerstelijnszorg"), 80, 120);
        var table = HoursTable(map);
        Assert.InRange(table.GetValueOrDefault("Verpleging, verzorging en thuiszorg"), 850, 950);
        Assert.InRange(table.GetValueOrDefault("Eerstelijnszorg"), 80, 120);
    }

    /// <summary>Follows a link on a page and returns the file's name (Content-Disposition) and its bytes.</summary>
    private async Task<(string Name, byte[] Bytes)> DownloadAsync(string page, string linkName)
    {
        var client = app.Client();
        var href = WebUtility.HtmlDecode(Html.Link(await client.GetStringAsync(page), linkName));
        var response = await client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        return (disposition.FileNameStar ?? disposition.FileName!.Trim('"'), await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>A form's answer is a redirect to the next page: that page's form with the named button.</summary>
    private static async Task<HtmlForm> FormAfterAsync(HttpClient client, HttpResponseMessage response, string expectedPage, string button)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var address = response.Headers.Location!.OriginalString;
        Assert.StartsWith(expectedPage + "?", address, StringComparison.Ordinal);
        return HtmlForm.WithButton(await client.GetStringAsync(address), button);
    }

    /// <summary>The money view's ratio as shown ("€ 1,90 per geïnvesteerde euro").</summary>
    private static string Ratio(string map) => Html.Text(Html.ByClass(Html.ByClass(map, "view-geld")!, "view-ratio"));

    /// <summary>Hours in the hours table (the table beside the hours chart), summed per sector (second column).</summary>
    private static Dictionary<string, double> HoursTable(string map)
    {
        var section = map[map.IndexOf("id=\"uren\"", StringComparison.Ordinal)..];
        var table = Html.ByClass(section, "grid-2")!;
        var body = table[table.IndexOf("<tbody", StringComparison.Ordinal)..];
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match row in TableRow().Matches(body))
        {
            var cells = TableCell().Matches(row.Value).Select(c => Html.Text(c.Groups[1].Value)).ToList();
            sums[cells[1]] = sums.GetValueOrDefault(cells[1]) + double.Parse(cells[2].Replace(".", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.GetCultureInfo("nl-NL"));
        }
        return sums;
    }

    private static double HoursIn(string description, string sector)
    {
        var match = Regex.Match(description, Regex.Escape(sector) + " ([\\d.]+) uur");
        Assert.True(match.Success, $"'{sector}' not in: {description}");
        return double.Parse(match.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    private static double? AsNumber(object? value) => value switch
    {
        double d => d,
        decimal m => (double)m,
        int i => i,
        long l => l,
        float f => f,
        _ => null,
    };

    [GeneratedRegex("<tr\\b.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRow();

    [GeneratedRegex("<td\\b[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex TableCell();
}
