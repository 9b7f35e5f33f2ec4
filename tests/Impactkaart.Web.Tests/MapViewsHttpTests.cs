using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Reports;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The map page and a project's page over HTTP: the two views with equal markup, each with its range and chance;
/// warnings at the top; the evidence grade per outcome; never a chance of 100% or 0%.
/// </summary>
public sealed partial class MapViewsHttpTests(WebApp app) : IClassFixture<WebApp>
{
    private const string Budgetcoaching = "/kaart?ref=budgetcoaching&deelnemers=80&kosten=90000";

    /// <summary>Budget coaching at a tenth of its usual cost per participant: EUR 112.50 against about EUR 1,125.</summary>
    private const string Cheap = "/kaart?ref=budgetcoaching&deelnemers=100&kosten=11250";

    private readonly HttpClient client = app.Client();

    /// <summary>The map as the page computes it: the model's default draws and seed.</summary>
    private static ImpactMap MapOf(ImpactModel model, string reference, int participants, decimal cost)
    {
        var request = new ProjectRequest { ReferenceProject = reference, Participants = participants.ToString(System.Globalization.CultureInfo.InvariantCulture), Cost = cost.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return ImpactCalculator.Compute(model, ProjectRequestValidator.Validate(model, request).Value!, new SimulationSettings(model.DefaultDraws, SimulationSettings.DefaultSeed));
    }

    [Fact]
    public async Task The_map_shows_money_returned_and_value_to_society_as_two_cards_of_the_same_kind_each_with_its_range_and_chance()
    {
        var html = await client.GetStringAsync(Budgetcoaching);
        var map = MapOf(ModelLoader.Shipped, "budgetcoaching", 80, 90_000m);
        var f = new Formats(Language.Nl);
        var u = map.Uncertainty!;

        var cards = Cards().Matches(html).Select(m => (Kind: m.Groups[1].Value, Text: WebApp.VisibleText(m.Value))).ToList();
        Assert.Equal(["geld", "samenleving"], cards.Select(c => c.Kind));
        Assert.StartsWith("Opbrengst in geld Wat overheid, zorg en werkgevers besparen, uitkeringen meegerekend. € 1,90 per geïnvesteerde euro", cards[0].Text, StringComparison.Ordinal);
        Assert.Contains($"80% van de uitkomsten ligt tussen {f.Money(u.RatioP10.Value)} en {f.Money(u.RatioP90.Value)}.", cards[0].Text, StringComparison.Ordinal);
        Assert.Contains($"Kans dat de baten de kosten overtreffen: {f.Chance(u.ProbabilityRatioAboveOne.Value)}.", cards[0].Text, StringComparison.Ordinal);
        Assert.StartsWith($"Maatschappelijke waarde Wat de hele samenleving wint, ook aan welzijn; uitkeringen niet meegerekend (zoals in een MKBA). {f.Money(map.WelfareRatio!.Value.Value)} per geïnvesteerde euro", cards[1].Text, StringComparison.Ordinal);
        Assert.Contains($"80% van de uitkomsten ligt tussen {f.Money(u.WelfareRatioP10.Value)} en {f.Money(u.WelfareRatioP90.Value)}.", cards[1].Text, StringComparison.Ordinal);
        Assert.Contains($"Kans dat de baten de kosten overtreffen: {f.Chance(u.ProbabilityWelfareRatioAboveOne.Value)}.", cards[1].Text, StringComparison.Ordinal);
        Assert.Contains("Welzijnswaarde: € ", cards[1].Text, StringComparison.Ordinal);
        // Equal weight: the same elements and classes in both cards, only the kind differs.
        Assert.Equal(Skeleton(cards[0].Kind, Cards().Matches(html)[0].Value), Skeleton(cards[1].Kind, Cards().Matches(html)[1].Value));

        var text = WebApp.VisibleText(html);
        Assert.Contains("De grote getallen gaan ervan uit dat de effecten optreden zoals het referentieproject verwacht.", text, StringComparison.Ordinal);
        Assert.Contains(u.Explanation.Nl, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_in_english_names_the_views_in_english()
    {
        var text = WebApp.VisibleText(await client.GetStringAsync(Budgetcoaching + "&taal=en"));

        Assert.Contains("Money returned What public budgets, care and employers save, benefit payments included. €1.90 per euro invested", text, StringComparison.Ordinal);
        Assert.Contains("Value to society What society as a whole gains, wellbeing included; benefit payments left out (as in an MKBA).", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_at_a_tenth_of_the_usual_cost_per_participant_gets_its_warning_above_the_figures()
    {
        var html = await client.GetStringAsync(Cheap);
        var map = MapOf(ModelLoader.Shipped, "budgetcoaching", 100, 11_250m);

        var warning = html.IndexOf("data-warning=\"not-comparable-low\"", StringComparison.Ordinal);
        Assert.True(warning > 0, "no warning on the page");
        Assert.True(warning < html.IndexOf("class=\"views\"", StringComparison.Ordinal), "the warning comes after the figures");
        Assert.Contains("Let op " + map.Warnings[0].Message.Nl, WebApp.VisibleText(html), StringComparison.Ordinal);
        Assert.DoesNotContain("data-warning", await client.GetStringAsync(Budgetcoaching), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_outcome_shows_its_evidence_grade_as_the_model_names_it_with_what_it_rests_on()
    {
        var model = ModelLoader.Shipped;
        var map = MapOf(model, "budgetcoaching", 80, 90_000m);
        var f = new Formats(Language.Nl);
        var text = WebApp.VisibleText(await client.GetStringAsync(Budgetcoaching));

        Assert.Contains("Waar de kaart op rust " + MapViews.AssumedShare(map, f), text, StringComparison.Ordinal);
        foreach (var outcome in map.ByOutcome)
        {
            var calibrated = MapViews.IsCalibrated(outcome) ? " " + Labels.Calibrated.Nl : "";
            Assert.Contains($"{outcome.Outcome.Label.Nl}{calibrated} {model.Evidence.For(outcome.Outcome.Evidence).Label.Nl} {f.EvidenceBasis(model.Evidence, outcome.Outcome)}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_map_where_no_draw_pays_off_says_less_than_1_percent_never_0_percent()
    {
        const string dear = "/kaart?ref=budgetcoaching&deelnemers=10&kosten=1000000";
        var map = MapOf(ModelLoader.Shipped, "budgetcoaching", 10, 1_000_000m);
        Assert.Equal(0m, map.Uncertainty!.ProbabilityRatioAboveOne.Value);

        var text = WebApp.VisibleText(await client.GetStringAsync(dear));

        Assert.Contains("Kans dat de baten de kosten overtreffen: < 1%.", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("overtreffen: 0%", text);
    }

    [Fact]
    public async Task The_methodology_explains_intensity_the_two_views_the_grades_and_the_uncertainty_from_the_model()
    {
        var model = ModelLoader.Shipped;
        var f = new Formats(Language.Nl);
        var text = WebApp.VisibleText(await client.GetStringAsync("/verantwoording"));

        Assert.Contains("Twee getallen: opbrengst in geld en maatschappelijke waarde", text, StringComparison.Ordinal);
        Assert.Contains("Intensiteit: kosten per deelnemer", text, StringComparison.Ordinal);
        Assert.Contains(model.Intensity.Note.Nl, text, StringComparison.Ordinal);
        Assert.Contains($"tot de macht {f.Number(model.Intensity.Elasticity.Central, 2)}", text, StringComparison.Ordinal);
        Assert.Contains($"tussen {f.Number(model.Intensity.Elasticity.Low, 2)} en {f.Number(model.Intensity.Elasticity.High, 2)}", text, StringComparison.Ordinal);
        Assert.Contains(model.Intensity.Elasticity.Basis.Assumption!.Nl, text, StringComparison.Ordinal);
        Assert.Contains($"onder {f.Percent(model.Intensity.WarnBelow)} van de ondergrens", text, StringComparison.Ordinal);
        foreach (var grade in model.Evidence.Grades)
        {
            Assert.Contains($"{grade.Label.Nl} {grade.Description.Nl} {f.Percent(grade.AbsenceProbability)}", text, StringComparison.Ordinal);
        }
        Assert.Contains(model.Evidence.AbsenceBasis.Assumption!.Nl, text, StringComparison.Ordinal);
        Assert.Contains($"tussen {f.Number(model.Evidence.AnswerSpread.Low, 2)} en {f.Number(model.Evidence.AnswerSpread.High, 2)} keer de gekozen waarde", text, StringComparison.Ordinal);
        Assert.Contains("Alle effecten van een project bewegen samen", text, StringComparison.Ordinal);
        // The budget coaching row of the intensity table: usual cost and where the map warns, from the model.
        var cost = model.FindReferenceProject("budgetcoaching")!.TypicalCostPerParticipant;
        Assert.Contains($"{f.MoneyWhole(model.Intensity.WarnBelow * cost.Low)} / {f.MoneyWhole(model.Intensity.WarnAbove * cost.High)}", text, StringComparison.Ordinal);
    }

    /// <summary>A card of one view: its section, from its opening tag to its end.</summary>
    [GeneratedRegex("<section class=\"view view-(geld|samenleving)\".*?</section>", RegexOptions.Singleline)]
    private static partial Regex Cards();

    /// <summary>A card's elements and classes without its texts or its kind: what makes two cards look alike.</summary>
    private static string Skeleton(string kind, string card) =>
        Regex.Replace(Regex.Replace(card.Replace(kind, "KIND", StringComparison.Ordinal), ">[^<]*<", "><"), "\\s+", " ");
}

/// <summary>
/// With a model in which every effect is always present and every price is worth ten times as much, a project's
/// money view pays off in every draw: the page must still not claim a certainty.
/// </summary>
public sealed class CertainMapHttpTests(CertainMapHttpTests.App app) : IClassFixture<CertainMapHttpTests.App>
{
    /// <summary>The app on a copy of the shipped model with no absent effects, every price ten times as high and 1,000 draws.</summary>
    public sealed class App : WebApp
    {
        public App()
        {
            Folder = Path.Combine(Path.GetTempPath(), "impactkaart-certain-" + Guid.NewGuid().ToString("N"));
            CopyFolder(Path.Combine(BrowserFixture.RepositoryRoot, "model"), Folder);
            var file = Path.Combine(Folder, "model.json");
            var json = JsonNode.Parse(File.ReadAllText(file))!;
            json["defaultDraws"] = 1000;
            foreach (var grade in json["evidence"]!["grades"]!.AsArray())
            {
                grade!["absenceProbability"] = 0;
            }
            File.WriteAllText(file, json.ToJsonString());
            foreach (var prices in Directory.GetFiles(Path.Combine(Folder, "prices"), "*.json"))
            {
                var list = JsonNode.Parse(File.ReadAllText(prices))!;
                foreach (var price in list["prices"]!.AsArray())
                {
                    var value = price!["value"]!;
                    foreach (var end in new[] { "central", "low", "high" })
                    {
                        if (value[end] is { } number)
                        {
                            value[end] = number.GetValue<decimal>() * 10m;
                        }
                    }
                }
                File.WriteAllText(prices, list.ToJsonString());
            }
            var load = ModelLoader.LoadFolder(Folder);
            Model = load.Model ?? throw new InvalidOperationException(string.Join("; ", load.Problems.Select(p => p.Describe(Language.En))));
        }

        public string Folder { get; }

        public ImpactModel Model { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(Model));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing && Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }

        private static void CopyFolder(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }

    [Fact]
    public async Task A_map_where_every_draw_pays_off_says_more_than_99_percent_never_100_percent()
    {
        // Find a case the simulation calls certain (with these prices, about any reference project).
        var (url, map) = app.Model.ReferenceProjects
            .SelectMany(p => new[] { 0.25m, 0.5m, 1m }.Select(share => (Project: p, Cost: Math.Round(100 * p.TypicalCostPerParticipant.Central * share))))
            .Select(c => ($"/kaart?ref={c.Project.Id}&deelnemers=100&kosten={c.Cost}", Map(c.Project.Id, c.Cost)))
            .First(c => c.Item2.Uncertainty!.ProbabilityRatioAboveOne.Value == 1m);

        var response = await app.Client().GetAsync(url);
        var text = WebApp.VisibleText(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kans dat de baten de kosten overtreffen: > 99%.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("100%", text, StringComparison.Ordinal);
        Assert.Contains(new Formats(Language.Nl).Money(map.Ratio!.Value.Value) + " per geïnvesteerde euro", text, StringComparison.Ordinal);
    }

    private ImpactMap Map(string reference, decimal cost)
    {
        var request = new ProjectRequest { ReferenceProject = reference, Participants = "100", Cost = cost.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return ImpactCalculator.Compute(app.Model, ProjectRequestValidator.Validate(app.Model, request).Value!, new SimulationSettings(app.Model.DefaultDraws, SimulationSettings.DefaultSeed));
    }
}
