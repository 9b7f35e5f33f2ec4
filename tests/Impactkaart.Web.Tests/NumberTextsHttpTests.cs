using Impactkaart.Engine;
using Impactkaart.Engine.Model;
using Impactkaart.Tests.Shared;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Every number on the map page, as a municipal analyst reads it: amounts in one style per language ("€ 90.000",
/// "€ -3.610"; "€90,000", "-€3,610"), never "EUR", no cents on whole amounts of a thousand or more, the word after a
/// number singular only after one, and the range of the net present value named as a range.
/// </summary>
public sealed class NumberTextsHttpTests(WebApp app) : IClassFixture<WebApp>
{
    private readonly HttpClient client = app.Client();

    public static TheoryData<string> Maps => new()
    {
        "/kaart?ref=budgetcoaching&deelnemers=80&kosten=90000",
        "/kaart?ref=budgetcoaching&deelnemers=1&kosten=1125.50&maanden=1",
        "/kaart?ref=budgetcoaching&deelnemers=80&kosten=90000&fase=evaluatie&m.kortere-bijstand=1",
        "/kaart?ref=huisbezoek-ouderen&deelnemers=40&kosten=37000",
        "/kaart?ref=huisbezoek-ouderen&deelnemers=40&kosten=37000&fase=evaluatie",
        "/kaart?ref=vroegsignalering-schulden&deelnemers=3&kosten=950.40",
        "/kaart?ref=welzijn-op-recept&deelnemers=100&kosten=30000",
        "/kaart?ref=jongerenwerk&deelnemers=1&kosten=250",
        "/kaart?ref=buurtbemiddeling&deelnemers=2&kosten=4000",
    };

    [Theory]
    [MemberData(nameof(Maps))]
    public async Task The_map_writes_every_amount_count_and_unit_one_way_in_dutch(string url)
    {
        var text = WebApp.VisibleText(await client.GetStringAsync(url));

        NumberTexts.AssertNone(text, Language.Nl, ModelLoader.Shipped);
    }

    [Theory]
    [MemberData(nameof(Maps))]
    public async Task The_map_writes_every_amount_count_and_unit_one_way_in_english(string url)
    {
        var text = WebApp.VisibleText(await client.GetStringAsync(url + "&taal=en"));

        NumberTexts.AssertNone(text, Language.En, ModelLoader.Shipped);
    }

    [Fact]
    public async Task One_participant_reads_as_one_participant_and_the_costs_without_cents_from_a_thousand_up()
    {
        var nl = WebApp.VisibleText(await client.GetStringAsync("/kaart?ref=budgetcoaching&deelnemers=1&kosten=90000.40&maanden=1"));
        var en = WebApp.VisibleText(await client.GetStringAsync("/kaart?ref=budgetcoaching&deelnemers=1&kosten=90000.40&maanden=1&taal=en"));

        Assert.Contains("· 1 deelnemer · € 90.000 · 1 maand ·", nl, StringComparison.Ordinal);
        Assert.Contains("· 1 participant · €90,000 · 1 month ·", en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_range_of_the_net_present_value_is_named_as_a_range()
    {
        var nl = WebApp.VisibleText(await client.GetStringAsync("/kaart?ref=budgetcoaching&deelnemers=80&kosten=90000"));
        var en = WebApp.VisibleText(await client.GetStringAsync("/kaart?ref=budgetcoaching&deelnemers=80&kosten=90000&taal=en"));

        Assert.Matches(@"Bandbreedte netto contante waarde in geld tussen € -?[\d.]+ en € -?[\d.]+ \(8 van de 10 uitkomsten\)", nl);
        Assert.Matches(@"Range of the net present value in money between -?€[\d,]+ and -?€[\d,]+ \(8 in 10 outcomes\)", en);
    }
}
