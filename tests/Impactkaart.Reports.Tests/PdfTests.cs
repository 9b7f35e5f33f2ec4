using Impactkaart.Engine;
using UglyToad.PdfPig;

namespace Impactkaart.Reports.Tests;

public sealed class PdfTests
{
    [Fact]
    public void Pdf_opens_with_exactly_one_A4_portrait_page()
    {
        var bytes = MapPdf.Render(Maps.Model, Maps.Budgetcoaching(), Language.Nl);
        Maps.Keep("map-nl.pdf", bytes);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        var page = pdf.GetPage(1);
        Assert.InRange(page.Width, 594, 596);
        Assert.InRange(page.Height, 841, 843);
    }

    [Fact]
    public void Pdf_in_Dutch_states_the_budget_coaching_ratio_its_range_chance_and_model_version()
    {
        var map = Maps.Budgetcoaching();
        var text = TextOf(MapPdf.Render(Maps.Model, map, Language.Nl));

        Assert.Contains("Elke geïnvesteerde euro levert € 1,90 op", text, StringComparison.Ordinal);
        Assert.Contains("80% van de uitkomsten tussen", text, StringComparison.Ordinal);
        Assert.Contains("Kans dat de baten de kosten overtreffen", text, StringComparison.Ordinal);
        Assert.Contains("zonder overdrachten", text, StringComparison.Ordinal);
        Assert.Contains("Model " + map.ModelVersion, text, StringComparison.Ordinal);
        Assert.Contains("80 deelnemers", text, StringComparison.Ordinal);
        Assert.Contains("€ 90.000,00", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_in_English_writes_the_ratio_with_a_decimal_point()
    {
        var bytes = MapPdf.Render(Maps.Model, Maps.Budgetcoaching(), Language.En);
        Maps.Keep("map-en.pdf", bytes);

        var text = TextOf(bytes);
        Assert.Contains("Every euro invested returns €1.90", text, StringComparison.Ordinal);
        Assert.Contains("without transfers such as benefit", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_for_home_visits_shows_about_900_hours_of_nursing_and_care()
    {
        var map = Maps.HomeVisits();
        var bytes = MapPdf.Render(Maps.Model, map, Language.Nl);
        Maps.Keep("map-home-visits.pdf", bytes);

        var text = TextOf(bytes);
        var care = map.HoursBySector()[0];
        Assert.InRange(care.Hours.Value, 850m, 950m);
        Assert.Contains("Verpleging", text, StringComparison.Ordinal);
        Assert.Contains(new Formats(Language.Nl).Number(care.Hours.Value, 0) + " uur", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_lists_the_sources_by_id()
    {
        var map = Maps.Budgetcoaching();
        var text = TextOf(MapPdf.Render(Maps.Model, map, Language.Nl));

        Assert.Contains("werkgroep-discontovoet-2020", text, StringComparison.Ordinal);
        Assert.Contains("regioplan-schuldhulp-2011", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_embeds_DejaVu_subsets_for_every_letter()
    {
        var bytes = MapPdf.Render(Maps.Model, Maps.Budgetcoaching(), Language.Nl);

        using var pdf = PdfDocument.Open(bytes);
        var fonts = pdf.GetPage(1).Letters.Select(l => l.FontName).Distinct().ToList();
        Assert.NotEmpty(fonts);
        // A subset tag ("ABCDEF+") is only given to an embedded font program.
        Assert.All(fonts, name => Assert.Matches("^[A-Z]{6}\\+DejaVu ?Sans", name ?? ""));
        Assert.Contains(fonts, name => name != null && name.Contains("Bold", StringComparison.Ordinal));
        Assert.Contains("/FontFile2", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<b>Vet</b> & <script>alert(1)</script> {0} %s \\n")]
    [InlineData("=HYPERLINK(\"http://example.org\")")]
    public void Pdf_draws_a_name_with_markup_as_plain_text(string name)
    {
        var text = TextOf(MapPdf.Render(Maps.Model, Maps.Budgetcoaching(name), Language.Nl));

        Assert.Contains(name.Replace(" ", "", StringComparison.Ordinal), text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_with_the_longest_allowed_name_still_has_one_page()
    {
        var name = string.Concat(Enumerable.Repeat("Buurtgerichte budgetcoaching met vrijwilligers ", 10))[..200];
        var bytes = MapPdf.Render(Maps.Model, Maps.Budgetcoaching(name), Language.Nl);
        Maps.Keep("map-long-name.pdf", bytes);

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        Assert.All(pdf.GetPage(1).Letters, l => Assert.InRange(l.BoundingBox.Right, 0, 596));
    }

    [Fact]
    public void Pdf_for_every_reference_project_keeps_every_letter_on_the_one_page()
    {
        foreach (var project in Maps.Model.ReferenceProjects)
        {
            var map = Maps.Compute(project.Id, "25", "40000", name: "Project " + project.Id, more: r => r.OwnHours = "1200");
            using var pdf = PdfDocument.Open(MapPdf.Render(Maps.Model, map, Language.En));

            Assert.Equal(1, pdf.NumberOfPages);
            var page = pdf.GetPage(1);
            Assert.All(page.Letters, l =>
            {
                Assert.InRange(l.BoundingBox.Left, 0, page.Width);
                Assert.InRange(l.BoundingBox.Bottom, 0, page.Height);
            });
        }
    }

    [Fact]
    public void Pdf_renders_from_many_threads_at_once()
    {
        var map = Maps.Budgetcoaching();
        var results = new byte[8][];

        Parallel.For(0, results.Length, i => results[i] = MapPdf.Render(Maps.Model, map, i % 2 == 0 ? Language.Nl : Language.En));

        Assert.All(results, bytes => Assert.Equal(1, PdfDocument.Open(bytes).NumberOfPages));
    }

    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        // Words in drawing order, one space apart: a phrase wrapped over two lines still reads as one.
        return string.Join(" ", page.GetWords().Select(w => w.Text));
    }
}
