using System.Xml.Linq;
using Impactkaart.Engine;
using Impactkaart.Tests.Shared;
using UglyToad.PdfPig;

namespace Impactkaart.Reports.Tests;

/// <summary>
/// The PDF and the picture of a map write amounts, counts and units as the web page does: one money style per
/// language, no "EUR", no cents on whole amounts of a thousand or more, the singular only after one.
/// </summary>
public sealed class NumberTextsTests
{
    public static TheoryData<string, string, string, Language> Projects => new()
    {
        { "budgetcoaching", "80", "90000", Language.Nl },
        { "budgetcoaching", "80", "90000", Language.En },
        { "budgetcoaching", "1", "1125.50", Language.Nl },
        { "budgetcoaching", "1", "1125.50", Language.En },
        { "huisbezoek-ouderen", "40", "37000", Language.Nl },
        { "huisbezoek-ouderen", "40", "37000", Language.En },
        { "vroegsignalering-schulden", "3", "950.40", Language.Nl },
        { "buurtbemiddeling", "2", "4000", Language.En },
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void The_pdf_writes_every_amount_count_and_unit_one_way(string reference, string participants, string cost, Language language)
    {
        var map = Maps.Compute(reference, participants, cost);
        using var pdf = PdfDocument.Open(MapPdf.Render(Maps.Model, map, language));
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));

        NumberTexts.AssertNone(text, language, Maps.Model);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void The_picture_writes_every_amount_count_and_unit_one_way(string reference, string participants, string cost, Language language)
    {
        var map = Maps.Compute(reference, participants, cost);
        var svg = XDocument.Parse(MapGraphic.Svg(Maps.Model, map, language));
        var text = string.Join(" ", svg.Descendants().Where(e => !e.HasElements).Select(e => e.Value));

        NumberTexts.AssertNone(text, language, Maps.Model);
    }

    [Fact]
    public void The_pdf_of_one_participant_says_one_participant_and_the_costs_without_cents()
    {
        var map = Maps.Compute("budgetcoaching", "1", "90000.40");
        using var pdf = PdfDocument.Open(MapPdf.Render(Maps.Model, map, Language.Nl));
        var text = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));

        Assert.Contains("1 deelnemer", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1 deelnemers", text, StringComparison.Ordinal);
        Assert.Contains("€ 90.000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("90.000,40", text, StringComparison.Ordinal);
    }
}
