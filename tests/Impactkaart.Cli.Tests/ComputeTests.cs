using System.Text.Json;

namespace Impactkaart.Cli.Tests;

public class ComputeTests
{
    [Fact]
    public void Compute_in_Dutch_shows_the_headline_range_and_every_section_in_Dutch_formats()
    {
        var result = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var text = result.Output;
        Assert.Contains("Opbrengst in geld: elke geïnvesteerde euro levert € 1,9", text, StringComparison.Ordinal);
        Assert.Contains("80% van de uitkomsten ligt tussen € ", text, StringComparison.Ordinal);
        Assert.Contains("Kans dat de baten de kosten overtreffen:", text, StringComparison.Ordinal);
        Assert.Contains("€ 90.000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("€ 90.000,00", text, StringComparison.Ordinal);   // no cents on a whole amount
        Assert.Contains("Netto contante waarde", text, StringComparison.Ordinal);
        Assert.Contains("Terugverdientijd", text, StringComparison.Ordinal);
        Assert.Contains("Baten per deelnemer", text, StringComparison.Ordinal);
        Assert.Contains("Break-even: deelnemers", text, StringComparison.Ordinal);
        Assert.Contains("Break-even: effect", text, StringComparison.Ordinal);
        Assert.Contains("Baten per uitkomst", text, StringComparison.Ordinal);
        Assert.Contains("Baten per domein", text, StringComparison.Ordinal);
        Assert.Contains("Wie betaalt, wie wint", text, StringComparison.Ordinal);
        // The two views are named for a social worker now (before: "financieel perspectief" and "welvaartsperspectief").
        Assert.Contains("telt mee in de opbrengst in geld", text, StringComparison.Ordinal);
        Assert.Contains("Maatschappelijke waarde: elke geïnvesteerde euro levert € 1,", text, StringComparison.Ordinal);
        Assert.Contains("Bespaard werk van professionals", text, StringComparison.Ordinal);
        Assert.Contains("Kwalitatieve effecten", text, StringComparison.Ordinal);
        Assert.Contains("Bewust niet meegeteld", text, StringComparison.Ordinal);
        Assert.Contains("Grootste bronnen van onzekerheid", text, StringComparison.Ordinal);
        Assert.Contains("regioplan-schuldhulp-2011", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cost_written_the_dutch_way_is_ninety_thousand()
    {
        var result = Cli.Run(["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "90.000"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("kosten € 90.000\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("Opbrengst in geld: elke geïnvesteerde euro levert € 1,9", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_in_English_uses_English_texts_and_en_GB_number_formats()
    {
        var result = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--lang", "en"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Money returned: every euro invested returns €1.9", result.Output, StringComparison.Ordinal);
        Assert.Contains("80% of outcomes lie between €", result.Output, StringComparison.Ordinal);
        Assert.Contains("€90,000", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("€90,000.00", result.Output, StringComparison.Ordinal);
        Assert.Contains("Who pays, who gains", result.Output, StringComparison.Ordinal);
        Assert.Contains("it counts in money returned", result.Output, StringComparison.Ordinal);
        Assert.Contains("Value to society: every euro invested returns €", result.Output, StringComparison.Ordinal);
        Assert.Contains("Deliberately not counted", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("geïnvesteerde euro", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_json_for_budgetcoaching_gives_the_published_ratio_of_about_1_9()
    {
        var result = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--format", "json"));

        Assert.Equal(0, result.ExitCode);
        var map = result.Json();
        Assert.InRange(map.GetProperty("ratio").GetDecimal(), 1.85m, 1.95m);
        Assert.Equal("budgetcoaching", map.GetProperty("referenceProject").GetString());
        Assert.Equal(80, map.GetProperty("participants").GetInt32());
        Assert.Equal(90000m, map.GetProperty("costs").GetDecimal());
        Assert.Equal("financial", map.GetProperty("headline").GetString());
        Assert.Equal(JsonValueKind.Null, map.GetProperty("trail").ValueKind);
        var uncertainty = map.GetProperty("uncertainty");
        Assert.Equal(10_000, uncertainty.GetProperty("draws").GetInt32());
        Assert.True(uncertainty.GetProperty("ratioP10").GetDecimal() <= uncertainty.GetProperty("ratioP90").GetDecimal());
        Assert.True(map.GetProperty("sources").GetArrayLength() > 0);
    }

    [Fact]
    public void Compute_json_for_home_visits_gives_ratio_1_2_and_the_published_hours_by_sector()
    {
        var result = Cli.Run(Cli.Args("compute", Cli.Huisbezoek, "--format", "json"));

        Assert.Equal(0, result.ExitCode);
        var map = result.Json();
        Assert.InRange(map.GetProperty("ratio").GetDecimal(), 1.15m, 1.25m);
        var hoursBySector = map.GetProperty("labour").EnumerateArray()
            .GroupBy(l => l.GetProperty("sector").GetString()!)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.GetProperty("hours").GetDecimal()));
        // Published example: about 900 hours of nursing and care, about 100 hours of other care professionals.
        Assert.InRange(hoursBySector["verpleging-verzorging"], 855m, 945m);
        Assert.InRange(hoursBySector.GetValueOrDefault("eerste-lijn") + hoursBySector.GetValueOrDefault("tweede-lijn"), 90m, 110m);
    }

    [Fact]
    public void Compute_json_labels_follow_the_language()
    {
        var nl = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--format", "json", "--draws", "0")).Json();
        var en = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--format", "json", "--draws", "0", "--lang", "en")).Json();

        Assert.Equal("Budgetcoaching", nl.GetProperty("referenceProjectLabel").GetString());
        Assert.Equal("Budget coaching", en.GetProperty("referenceProjectLabel").GetString());
        Assert.Equal(nl.GetProperty("ratio").GetDecimal(), en.GetProperty("ratio").GetDecimal());
    }

    [Fact]
    public void The_same_seed_gives_the_same_output_twice()
    {
        var first = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--seed", "42", "--draws", "2000"));
        var second = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--seed", "42", "--draws", "2000"));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public void A_different_seed_gives_a_different_range_but_the_same_central_ratio()
    {
        var a = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--seed", "1", "--draws", "500", "--format", "json")).Json();
        var b = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--seed", "2", "--draws", "500", "--format", "json")).Json();

        Assert.Equal(a.GetProperty("ratio").GetDecimal(), b.GetProperty("ratio").GetDecimal());
        Assert.NotEqual(a.GetProperty("uncertainty").GetProperty("ratioP10").GetDecimal(), b.GetProperty("uncertainty").GetProperty("ratioP10").GetDecimal());
    }

    [Fact]
    public void Zero_draws_gives_no_uncertainty_and_says_so()
    {
        var table = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--draws", "0"));
        var json = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--draws", "0", "--format", "json")).Json();

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Geen onzekerheidsanalyse", table.Output, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("uncertainty").ValueKind);
    }

    [Fact]
    public void Costs_by_category_and_own_hours_appear_beside_the_hours_saved()
    {
        var result = Cli.Run("compute", "--reference", "budgetcoaching", "--participants", "80", "--staff-cost", "70000", "--volunteer-cost", "5000",
            "--material-cost", "5000", "--overhead-cost", "10000", "--own-hours", "1100", "--draws", "0", "--name", "Geldzaken Oost", "--start", "2026-09-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Geldzaken Oost", result.Output, StringComparison.Ordinal);
        Assert.Contains("Personeel", result.Output, StringComparison.Ordinal);
        Assert.Contains("€ 70.000", result.Output, StringComparison.Ordinal);
        Assert.Contains("Eigen inzet van het project (", result.Output, StringComparison.Ordinal);
        Assert.Contains("1.100 uur", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 september 2026", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_and_discount_rate_change_the_result()
    {
        var reference = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--draws", "0", "--format", "json")).Json();
        var intensive = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--draws", "0", "--format", "json", "--answer", "intensiteit=meer")).Json();
        var discounted = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--draws", "0", "--format", "json", "--discount-rate", "5")).Json();

        Assert.True(intensive.GetProperty("ratio").GetDecimal() > reference.GetProperty("ratio").GetDecimal());
        Assert.True(discounted.GetProperty("ratio").GetDecimal() < reference.GetProperty("ratio").GetDecimal());
        Assert.Equal(0.05m, discounted.GetProperty("discountRate").GetDecimal());
        Assert.Contains(intensive.GetProperty("answers").EnumerateArray(), a => a.GetProperty("question").GetString() == "intensiteit" && a.GetProperty("option").GetString() == "meer");
    }

    [Fact]
    public void An_evaluation_uses_the_measured_outcome()
    {
        var result = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--draws", "0", "--format", "json", "--phase", "evaluatie", "--measured", "kortere-bijstand=2")).Json();

        Assert.Equal("evaluatie", result.GetProperty("phase").GetString());
        var outcome = result.GetProperty("byOutcome").EnumerateArray().Single(o => o.GetProperty("outcome").GetString() == "kortere-bijstand");
        Assert.True(outcome.GetProperty("measured").GetBoolean());
    }
}
