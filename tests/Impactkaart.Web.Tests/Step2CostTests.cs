using System.Net;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Step 2 without JavaScript: amounts typed the Dutch way are taken as meant, and a cost per participant far from the
/// reference project's usual range is accepted but warned about at the top of step 3, with a way back.
/// </summary>
public sealed class Step2CostTests(WebApp app) : IClassFixture<WebApp>
{
    private const string Step2 = "/stap-2?ref=budgetcoaching";

    private readonly HttpClient client = app.Client();

    [Fact]
    public async Task Ninety_thousand_typed_the_dutch_way_reaches_step_three_as_90000_and_the_map_counts_it()
    {
        var response = await PostStep2(("deelnemers", "80"), ("kosten", "90.000"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var step3 = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/stap-3?", step3, StringComparison.Ordinal);
        Assert.Contains("kosten=90000&", step3 + "&", StringComparison.Ordinal);
        var html = await Page(step3);
        Assert.Contains("name=\"kosten\" value=\"90000\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("kosten-waarschuwing", html, StringComparison.Ordinal);
        // The map of the state step 3 carries on: the published example, ninety thousand euros for 80 households.
        var map = await Page("/kaart" + step3["/stap-3".Length..]);
        Assert.Contains("80 deelnemers · € 90.000", map, StringComparison.Ordinal);
        Assert.DoesNotContain("€ 90.000,00", map, StringComparison.Ordinal);
        Assert.Contains("€ 1,90 per geïnvesteerde euro", WebApp.VisibleText(map), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tiny_cost_is_accepted_and_step_three_warns_at_its_top_with_a_link_back_to_the_costs()
    {
        var response = await PostStep2(("deelnemers", "80"), ("kosten", "90"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var step3 = response.Headers.Location!.OriginalString;
        var html = await Page(step3);
        Assert.Contains("Dat is € 1,13 per deelnemer. Voor Budgetcoaching is een bedrag tussen € 800 en € 1.500 per deelnemer gebruikelijk. Klopt het bedrag? Bedoelt u misschien 90.000?",
            html, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(html, "<a href=\"([^\"]+)\">Pas de kosten aan in stap 2</a>");
        Assert.True(link.Success, "no link back to step 2");
        Assert.StartsWith("/stap-2?", link.Groups[1].Value, StringComparison.Ordinal);
        Assert.EndsWith("#kosten", link.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("kosten=90&", link.Groups[1].Value, StringComparison.Ordinal);
        // A warning, not an error: nothing to correct on step 3, and the warning comes before the form.
        Assert.DoesNotContain("error-summary", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("kosten-waarschuwing", StringComparison.Ordinal) < html.IndexOf("<form", StringComparison.Ordinal));

        var english = await Page(step3 + "&taal=en");
        Assert.Contains("That is €1.13 per participant. For Budget coaching, an amount between €800 and €1,500 per participant is usual. Is the amount right? Did you perhaps mean 90000?",
            english, StringComparison.Ordinal);
        Assert.Contains(">Change the costs in step 2</a>", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tiny_costs_by_category_warn_without_suggesting_a_number_and_link_to_the_first_category()
    {
        // 10 hours x 5 euro = 50 euros for 80 participants: € 0,63 each. No single typed number to multiply by a thousand.
        var response = await PostStep2(("deelnemers", "80"), ("uren", "10"), ("uurtarief", "5"));

        var html = await Page(response.Headers.Location!.OriginalString);
        Assert.Contains("Dat is € 0,63 per deelnemer. Voor Budgetcoaching is een bedrag tussen € 800 en € 1.500 per deelnemer gebruikelijk. Klopt het bedrag? <a", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bedoelt u misschien", html, StringComparison.Ordinal);
        Assert.Contains("#uren\">Pas de kosten aan in stap 2", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Going_back_to_step_two_shows_the_cost_per_participant_under_the_costs_without_javascript()
    {
        var html = await Page(Step2 + "&deelnemers=80&kosten=90");

        Assert.Matches("<p class=\"cost-check unusual\" id=\"kosten-check\" aria-live=\"polite\">Dat is € 1,13 per deelnemer\\. Voor Budgetcoaching", html);
        // The script's numbers and texts come from the server, from the model's typical range (800 to 1,500).
        Assert.Contains("data-usual-low=\"800\" data-usual-high=\"1500\" data-unusual-below=\"400\" data-unusual-above=\"3000\"", html, StringComparison.Ordinal);
        Assert.Contains("data-text-unusual=\"Voor Budgetcoaching is een bedrag tussen € 800 en € 1.500 per deelnemer gebruikelijk. Klopt het bedrag?\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unclear_amount_is_named_next_to_its_field_with_an_example()
    {
        var response = await PostStep2(("deelnemers", "80"), ("kosten", "9.00,0"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"kosten-fout\"", html, StringComparison.Ordinal);
        Assert.Contains("Totale kosten: '9.00,0' is geen bedrag; schrijf bijvoorbeeld 90.000 of 90000,50.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"9.00,0\"", html, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostStep2(params (string Key, string Value)[] fields) =>
        await WebApp.Post(client, Step2, "/stap-2", fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Prepend(new("ref", "budgetcoaching")));

    private async Task<string> Page(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
