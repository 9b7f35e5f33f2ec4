using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
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

        // The headline is now one of two equal views: "€ 1,90 per geïnvesteerde euro" under "Opbrengst in geld".
        Assert.Contains("€ 1,90 per geïnvesteerde euro", text, StringComparison.Ordinal);
        Assert.Contains("80% van de uitkomsten ligt tussen", text, StringComparison.Ordinal);
        Assert.Contains("Kans dat de baten de kosten overtreffen", text, StringComparison.Ordinal);
        Assert.Contains("uitkeringen niet meegerekend", RightHalf(MapPdf.Render(Maps.Model, map, Language.Nl)), StringComparison.Ordinal);
        Assert.Contains("Model " + map.ModelVersion, text, StringComparison.Ordinal);
        Assert.Contains("80 deelnemers", text, StringComparison.Ordinal);
        Assert.Contains("Kosten € 90.000 ·", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_in_English_writes_the_ratio_with_a_decimal_point()
    {
        var bytes = MapPdf.Render(Maps.Model, Maps.Budgetcoaching(), Language.En);
        Maps.Keep("map-en.pdf", bytes);

        var text = TextOf(bytes);
        Assert.Contains("€1.90 per euro invested", text, StringComparison.Ordinal);
        Assert.Contains("benefit payments left out", RightHalf(bytes), StringComparison.Ordinal);
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
    public void Pdf_shows_money_returned_and_value_to_society_side_by_side_in_the_same_type_sizes()
    {
        var map = Maps.Budgetcoaching();
        var f = new Formats(Language.Nl);
        using var pdf = PdfDocument.Open(MapPdf.Render(Maps.Model, map, Language.Nl));
        var words = pdf.GetPage(1).GetWords().ToList();

        var moneyName = words.First(w => w.Text == "Opbrengst");
        var welfareName = words.First(w => w.Text == "Maatschappelijke");
        Assert.Equal(Size(moneyName), Size(welfareName));
        Assert.Equal(moneyName.BoundingBox.Bottom, welfareName.BoundingBox.Bottom, 0.5);
        Assert.True(welfareName.BoundingBox.Left > moneyName.BoundingBox.Right, "value to society stands beside money returned");

        // The two ratios are the largest text on the page, in the same size, on one line.
        var largest = words.Max(Size);
        var ratios = words.Where(w => Size(w) == largest).Select(w => w.Text).ToList();
        Assert.Contains(f.Money(map.Ratio!.Value.Value)[2..], ratios);
        Assert.Contains(f.Money(map.WelfareRatio!.Value.Value)[2..], ratios);
    }

    [Fact]
    public void Pdf_gives_each_view_its_range_its_chance_and_what_only_it_counts()
    {
        var map = Maps.Budgetcoaching();
        var f = new Formats(Language.Nl);
        var text = TextOf(MapPdf.Render(Maps.Model, map, Language.Nl));
        var u = map.Uncertainty!;

        Assert.Contains($"80% van de uitkomsten ligt tussen {f.Money(u.RatioP10.Value)} en {f.Money(u.RatioP90.Value)}", text, StringComparison.Ordinal);
        Assert.Contains($"80% van de uitkomsten ligt tussen {f.Money(u.WelfareRatioP10.Value)} en {f.Money(u.WelfareRatioP90.Value)}", text, StringComparison.Ordinal);
        Assert.Contains("Kans dat de baten de kosten overtreffen: " + f.Chance(u.ProbabilityRatioAboveOne.Value), text, StringComparison.Ordinal);
        Assert.Contains("Kans dat de baten de kosten overtreffen: " + f.Chance(u.ProbabilityWelfareRatioAboveOne.Value), text, StringComparison.Ordinal);
        Assert.Contains("Welzijnswaarde: " + f.MoneyWhole(map.WellbeingBenefits.Euros) + ", alleen in de maatschappelijke waarde", text, StringComparison.Ordinal);
        Assert.Contains("Uitkeringen en andere overdrachten:", text, StringComparison.Ordinal);
        Assert.Contains("De grote getallen gaan ervan uit dat de effecten optreden zoals het referentieproject verwacht.", text, StringComparison.Ordinal);
        Assert.Contains(Words(u.Explanation.Nl, 12), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.0, "> 99%")]
    [InlineData(0.0, "< 1%")]
    public void Pdf_of_a_map_where_every_draw_or_no_draw_paid_off_claims_no_certainty(double chance, string shown)
    {
        var map = Maps.WithChances(Maps.Budgetcoaching(), (decimal)chance, (decimal)chance);
        var bytes = MapPdf.Render(Maps.Model, map, Language.Nl);
        Maps.Keep($"map-chance-{chance}.pdf", bytes);
        var text = TextOf(bytes);

        Assert.Equal(2, Count(text, "Kans dat de baten de kosten overtreffen: " + shown));
        Assert.DoesNotContain("100%", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"overtreffen: 0%", text);
    }

    [Fact]
    public void Pdf_for_a_project_at_a_tenth_of_the_usual_cost_warns_above_the_views()
    {
        var map = Maps.CheapBudgetcoaching();
        Assert.Contains(map.Warnings, w => w.Code == "not-comparable-low");
        var bytes = MapPdf.Render(Maps.Model, map, Language.Nl);
        Maps.Keep("map-warning.pdf", bytes);

        using var pdf = PdfDocument.Open(bytes);
        var words = pdf.GetPage(1).GetWords().ToList();
        var text = string.Join(" ", words.Select(w => w.Text));
        Assert.Contains("Let op: " + Words(map.Warnings[0].Message.Nl, 10), text, StringComparison.Ordinal);
        var warning = words.First(w => w.Text == "Let");
        var views = words.First(w => w.Text == "Opbrengst");
        Assert.True(warning.BoundingBox.Bottom > views.BoundingBox.Top, "the warning stands above the views");
    }

    [Fact]
    public void Pdf_names_each_outcomes_evidence_grade_and_how_much_rests_on_assumptions()
    {
        var map = Maps.Budgetcoaching();
        var f = new Formats(Language.Nl);
        var text = TextOf(MapPdf.Render(Maps.Model, map, Language.Nl));

        Assert.Contains("Waar de kaart op rust", text, StringComparison.Ordinal);
        foreach (var o in map.ByOutcome)
        {
            var grade = Maps.Model.Evidence.For(o.Outcome.Evidence).Label.Nl;
            Assert.Contains($"{o.Outcome.Label.Nl} · {grade}:", text, StringComparison.Ordinal);
        }
        Assert.Contains(MapViews.AssumedShare(map, f)!, text, StringComparison.Ordinal);
        Assert.Contains("rust op aannames, niet op gemeten effecten", text.Replace("rusten", "rust", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_marks_an_effect_calibrated_to_the_sectors_example_and_never_as_a_source()
    {
        var map = Maps.HomeVisits();
        var calibrated = map with
        {
            ByOutcome = [.. map.ByOutcome.Select((o, i) => i == 0 ? o with { Outcome = o.Outcome with { Effect = o.Outcome.Effect with { Basis = o.Outcome.Effect.Basis with { IsCalibrated = true } } } } : o)],
        };
        var text = TextOf(MapPdf.Render(Maps.Model, calibrated, Language.Nl));

        Assert.Contains($"{calibrated.ByOutcome[0].Outcome.Label.Nl} · {Maps.Model.Evidence.For(calibrated.ByOutcome[0].Outcome.Evidence).Label.Nl}: Afgestemd op het voorbeeld van de sector.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_lists_every_source_in_full_with_its_year_and_no_internal_ids()
    {
        var map = Maps.Budgetcoaching();
        var text = TextOf(MapPdf.Render(Maps.Model, map, Language.Nl));

        var sources = MapSources.For(Maps.Model, map);
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.Contains($"{s.Citation} ({s.Year},", text, StringComparison.Ordinal));
        Assert.DoesNotContain("regioplan-schuldhulp-2011", text, StringComparison.Ordinal);
        Assert.DoesNotContain("…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_speaks_plain_words_a_funder_reads_without_statistics_jargon()
    {
        var map = Maps.Budgetcoaching();
        var dutch = TextOf(MapPdf.Render(Maps.Model, map, Language.Nl));
        var english = TextOf(MapPdf.Render(Maps.Model, map, Language.En));

        foreach (var jargon in new[] { "P10", "P90", "seed", "trekkingen", "Break-even" })
        {
            Assert.DoesNotContain(jargon, dutch, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain("seed", english, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("P10", english, StringComparison.Ordinal);
        Assert.Contains("De baten zijn gelijk aan de kosten bij " + map.BreakEven.Participants + " deelnemers", dutch, StringComparison.Ordinal);
        Assert.Contains($"De bandbreedte komt uit {new Formats(Language.Nl).Number(map.Uncertainty!.Draws, 0)} doorrekeningen van de kaart", dutch, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_for_home_visits_says_what_is_deliberately_not_counted_and_why()
    {
        var map = Maps.HomeVisits();
        var text = TextOf(MapPdf.Render(Maps.Model, map, Language.Nl));

        var notClaimed = Assert.Single(map.Input.ReferenceProject.NotClaimed);
        Assert.Contains("Bewust niet meegeteld", text, StringComparison.Ordinal);
        Assert.Contains(notClaimed.Label.Nl + ": " + Words(notClaimed.Reason.Nl, 8), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_wraps_a_long_sector_name_in_the_hours_chart_instead_of_cutting_it()
    {
        using var pdf = PdfDocument.Open(MapPdf.Render(Maps.Model, Maps.HomeVisits(), Language.Nl));
        var words = pdf.GetPage(1).GetWords().ToList();

        // The sector's name is whole: its last word on a second line under its first, and nothing cut with "…".
        var first = words.First(w => w.Text == "Verpleging,");
        Assert.Contains(words, w => w.Text == "thuiszorg" && Math.Abs(w.BoundingBox.Left - first.BoundingBox.Left) < 0.5
            && w.BoundingBox.Bottom < first.BoundingBox.Bottom && first.BoundingBox.Bottom - w.BoundingBox.Bottom < 12);
        Assert.DoesNotContain(words, w => w.Text.Contains('…', StringComparison.Ordinal));
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
    public void Pdf_for_every_reference_project_keeps_every_letter_on_its_page_and_continues_rather_than_cuts()
    {
        foreach (var project in Maps.Model.ReferenceProjects)
        {
            var map = Maps.Compute(project.Id, "25", "40000", name: "Project " + project.Id, more: r => r.OwnHours = "1200");
            using var pdf = PdfDocument.Open(MapPdf.Render(Maps.Model, map, Language.En));

            Assert.InRange(pdf.NumberOfPages, 1, 2);
            foreach (var page in pdf.GetPages())
            {
                Assert.All(page.Letters, l =>
                {
                    Assert.InRange(l.BoundingBox.Left, 0, page.Width);
                    Assert.InRange(l.BoundingBox.Bottom, 0, page.Height);
                });
                Assert.Contains("Model " + map.ModelVersion, string.Join(" ", page.GetWords().Select(w => w.Text)), StringComparison.Ordinal);
            }
            var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.All(MapSources.For(Maps.Model, map), s => Assert.Contains(s.Citation, text, StringComparison.Ordinal));
            Assert.DoesNotContain("…", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Language.Nl)]
    [InlineData(Language.En)]
    public void Pdf_of_each_published_example_fits_on_one_page(Language language)
    {
        foreach (var map in new[] { Maps.Budgetcoaching(), Maps.HomeVisits() })
        {
            using var pdf = PdfDocument.Open(MapPdf.Render(Maps.Model, map, language));
            Assert.Equal(1, pdf.NumberOfPages);
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

    private static double Size(UglyToad.PdfPig.Content.Word word) => Math.Round(word.Letters[0].PointSize, 1);

    /// <summary>The first <paramref name="count"/> words of a sentence, as the PDF's words read them back.</summary>
    private static string Words(string sentence, int count) => string.Join(" ", sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(count));

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    /// <summary>The words in the right half of the page: the second view's card, whose lines read apart from the first's.</summary>
    private static string RightHalf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        return string.Join(" ", page.GetWords().Where(w => w.BoundingBox.Left > page.Width / 2).Select(w => w.Text));
    }

    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        // Words in drawing order, one space apart: a phrase wrapped over two lines still reads as one.
        return string.Join(" ", page.GetWords().Select(w => w.Text));
    }
}
