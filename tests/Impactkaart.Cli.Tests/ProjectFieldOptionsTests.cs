using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Tests;

namespace Impactkaart.Cli.Tests;

/// <summary>compute and explain take one option per field of the table, and any cost option replaces the file's costs.</summary>
public sealed class ProjectFieldOptionsTests
{
    [Fact]
    public void Compute_offers_an_option_for_every_field_of_the_table_that_has_one()
    {
        var help = Cli.Run("compute", "--help").Output;

        Assert.All(ProjectFields.All.Where(f => f.CliOption is not null), f => Assert.Contains(f.CliOption!, help, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_field_given_as_options_gives_the_map_of_the_same_project_file(bool withTotal)
    {
        using var folder = new TempFolder();
        var request = FieldExamples.Valid(ModelLoader.Shipped.Version, withTotal);
        var file = folder.File("project.json", ProjectRequestJson.Write(request, ModelLoader.Shipped.Version));

        var fromFile = Cli.Run("compute", "--input", file, "--format", "json");
        var fromOptions = Cli.Run([.. new[] { "compute" }, .. OptionsOf(request), "--format", "json"]);

        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(0, fromOptions.ExitCode);
        Assert.Equal(fromFile.Output, fromOptions.Output);
        Assert.Equal(0.04, fromOptions.Json().GetProperty("discountRate").GetDouble());
    }

    [Fact]
    public void A_total_cost_replaces_staff_hours_times_a_rate_from_the_file()
    {
        using var folder = new TempFolder();
        var file = folder.File("p.json", """{ "referenceProject": "budgetcoaching", "participants": 80, "costs": { "staffHours": 1000, "staffRate": 68 } }""");

        var result = Cli.Run("compute", "--input", file, "--cost", "90000", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var map = result.Json();
        Assert.Equal(90000m, map.GetProperty("costs").GetDecimal());
        // The published example: 80 participants at 90,000 euro.
        Assert.Equal(1.8999, map.GetProperty("ratio").GetDouble());
    }

    [Fact]
    public void Staff_hours_times_a_rate_replace_a_total_cost_from_the_file()
    {
        using var folder = new TempFolder();
        var file = folder.File("p.json", """{ "referenceProject": "budgetcoaching", "participants": 80, "cost": 50000 }""");

        var result = Cli.Run("compute", "--input", file, "--staff-hours", "1.000", "--staff-rate", "90", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        // 1,000 hours at 90 euro is the example's 90,000 euro.
        Assert.Equal(1.8999, result.Json().GetProperty("ratio").GetDouble());
    }

    private static IEnumerable<string> OptionsOf(ProjectRequest request)
    {
        foreach (var field in ProjectFields.All.Where(f => f.CliOption is not null))
        {
            if (field.IsList)
            {
                foreach (var (key, value) in request.ListOf(field))
                {
                    yield return field.CliOption!;
                    yield return $"{key}={value}";
                }
            }
            else if (request[field] is { } value)
            {
                yield return field.CliOption!;
                yield return value;
            }
        }
    }
}
