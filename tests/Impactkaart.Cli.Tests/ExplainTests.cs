namespace Impactkaart.Cli.Tests;

public class ExplainTests
{
    [Fact]
    public void Explain_json_has_a_trail_whose_benefit_lines_sum_to_the_benefits_and_cost_lines_to_the_costs()
    {
        var result = Cli.Run(Cli.Args("explain", Cli.Budgetcoaching, "--format", "json", "--draws", "0"));

        Assert.Equal(0, result.ExitCode);
        var map = result.Json();
        var trail = map.GetProperty("trail").EnumerateArray().ToList();
        Assert.NotEmpty(trail);
        var benefitLines = trail.Where(t => t.GetProperty("kind").GetString() != "cost").ToList();
        var costLines = trail.Where(t => t.GetProperty("kind").GetString() == "cost").ToList();
        // Each line is rounded to cents, so the sum may differ from the total by half a cent per line.
        var tolerance = 0.005m * trail.Count;
        Assert.InRange(benefitLines.Sum(t => t.GetProperty("amount").GetDecimal()) - map.GetProperty("benefits").GetDecimal(), -tolerance, tolerance);
        Assert.InRange(costLines.Sum(t => t.GetProperty("amount").GetDecimal()) - map.GetProperty("costs").GetDecimal(), -tolerance, tolerance);
        // Most lines rest on sources; a line resting only on stated assumptions has none, so only the majority is checked.
        Assert.True(benefitLines.Count(t => t.GetProperty("sources").GetArrayLength() > 0) > benefitLines.Count / 2);
        Assert.All(trail, t => Assert.Contains(" x ", t.GetProperty("working").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_table_shows_every_line_as_quantity_times_price_times_discount_factor_grouped_by_outcome()
    {
        var result = Cli.Run(Cli.Args("explain", Cli.Budgetcoaching, "--draws", "0"));

        Assert.Equal(0, result.ExitCode);
        var text = result.Output;
        Assert.Contains("80 deelnemers x 0,96 x 1 x (1 - 0,25) x 0,75", text, StringComparison.Ordinal);
        Assert.Contains("disconteringsfactor", text, StringComparison.Ordinal);
        Assert.Contains("Kortere bijstandsafhankelijkheid (kortere-bijstand)", text, StringComparison.Ordinal);
        Assert.Contains("Subtotaal Kortere bijstandsafhankelijkheid: € ", text, StringComparison.Ordinal);
        Assert.Contains("Subtotaal kosten: € 90.000,00", text, StringComparison.Ordinal);
        Assert.Contains("bronnen: regioplan-schuldhulp-2011", text, StringComparison.Ordinal);
        Assert.Contains("Bronnen", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_in_English_writes_the_working_in_English()
    {
        var result = Cli.Run(Cli.Args("explain", Cli.Huisbezoek, "--draws", "0", "--lang", "en"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("40 participants x ", result.Output, StringComparison.Ordinal);
        Assert.Contains("discount factor", result.Output, StringComparison.Ordinal);
        Assert.Contains("Subtotal", result.Output, StringComparison.Ordinal);
    }
}
