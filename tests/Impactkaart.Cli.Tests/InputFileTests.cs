using Impactkaart.Engine.Calculation;

namespace Impactkaart.Cli.Tests;

public class InputFileTests
{
    private const string ValidProject = """
        {
          "referenceProject": "budgetcoaching",
          "name": "Geldzaken Oost",
          "participants": 80,
          "cost": "90000",
          "answers": { "intensiteit": "zoals-referentie" },
          "draws": 0,
          "seed": 7
        }
        """;

    [Fact]
    public void A_valid_project_file_gives_the_same_map_as_the_options()
    {
        using var folder = new TempFolder();
        var file = folder.File("project.json", ValidProject);

        var fromFile = Cli.Run("compute", "--input", file, "--format", "json").Json();
        var fromOptions = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--draws", "0", "--format", "json")).Json();

        Assert.Equal("Geldzaken Oost", fromFile.GetProperty("name").GetString());
        Assert.Equal(fromOptions.GetProperty("ratio").GetDecimal(), fromFile.GetProperty("ratio").GetDecimal());
    }

    [Fact]
    public void Options_on_the_command_line_override_the_file()
    {
        using var folder = new TempFolder();
        var file = folder.File("project.json", ValidProject);

        var map = Cli.Run("compute", "--input", file, "--participants", "40", "--staff-cost", "30000", "--format", "json").Json();

        Assert.Equal(40, map.GetProperty("participants").GetInt32());
        Assert.Equal(30000m, map.GetProperty("costs").GetDecimal());
    }

    [Fact]
    public void A_malformed_file_is_reported_with_its_line()
    {
        using var folder = new TempFolder();
        var file = folder.File("project.json", "{\n  \"referenceProject\": \"budgetcoaching\",\n  \"participants\": 80\n  \"cost\": 90000\n}");

        var result = Cli.Run("compute", "--input", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--input", result.Error, StringComparison.Ordinal);
        Assert.Contains("regel 4", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Cli.StackTraceMarker, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_named_with_the_allowed_fields()
    {
        using var folder = new TempFolder();
        var file = folder.File("project.json", """{ "referenceProject": "budgetcoaching", "participants": 80, "cost": 90000, "Participant": 3 }""");

        var result = Cli.Run("compute", "--input", file, "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'Participant'", result.Error, StringComparison.Ordinal);
        Assert.Contains("is unknown", result.Error, StringComparison.Ordinal);
        Assert.Contains("referenceProject", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_of_the_wrong_type_is_named()
    {
        using var folder = new TempFolder();
        var file = folder.File("project.json", """{ "referenceProject": "budgetcoaching", "participants": [80], "cost": 90000 }""");

        var result = Cli.Run("compute", "--input", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'participants'", result.Error, StringComparison.Ordinal);
        Assert.Contains("een lijst", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_from_the_file_names_both_the_option_and_the_file_field()
    {
        using var folder = new TempFolder();
        var file = folder.File("project.json", """{ "referenceProject": "budgetcoaching", "participants": 0, "cost": 90000 }""");

        var result = Cli.Run("compute", "--input", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--participants ('participants' in ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_does_not_exist_is_reported_as_such()
    {
        var result = Cli.Run("compute", "--input", "/nonexistent/project.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--input", result.Error, StringComparison.Ordinal);
        Assert.Contains("bestaat niet", result.Error, StringComparison.Ordinal);
    }
}

public class ProjectRequestJsonTests
{
    [Fact]
    public void Read_accepts_numbers_and_strings_and_fills_every_field()
    {
        var read = ProjectRequestJson.Read("""
            {
              "referenceProject": "budgetcoaching", "name": "X", "start": "2026-09-01", "months": 12, "participants": "80",
              "costs": { "staff": 60000, "volunteers": "1000", "material": 9e3, "overhead": null },
              "ownHours": 900.5, "answers": { "intensiteit": "meer" }, "phase": "evaluatie", "measured": { "kortere-bijstand": 1.5 },
              "discountRate": 2.25, "draws": 100, "seed": 18446744073709551615
            }
            """);

        Assert.True(read.IsValid, string.Join("; ", read.Errors.Select(e => e.Message.En)));
        var r = read.Value!;
        Assert.Equal("budgetcoaching", r.ReferenceProject);
        Assert.Equal("80", r.Participants);
        Assert.Equal("60000", r.StaffCost);
        Assert.Equal("9000", r.MaterialCost);
        Assert.Null(r.OverheadCost);
        Assert.Equal("900.5", r.OwnHours);
        Assert.Equal("meer", r.Answers["intensiteit"]);
        Assert.Equal("1.5", r.Measured["kortere-bijstand"]);
        Assert.Equal("18446744073709551615", r.Seed);
    }

    [Theory]
    [InlineData("""{ "colour": "red" }""", "colour")]
    [InlineData("""{ "costs": { "rent": 5 } }""", "costs.rent")]
    [InlineData("""{ "costs": 5 }""", "costs")]
    [InlineData("""{ "answers": ["meer"] }""", "answers")]
    [InlineData("""{ "answers": { "intensiteit": 2 } }""", "answers.intensiteit")]
    [InlineData("""{ "participants": true }""", "participants")]
    [InlineData("""{ "name": 5 }""", "name")]
    [InlineData("""{ "cost": 1, "cost": 2 }""", "cost")]
    [InlineData("""[1, 2]""", ProjectRequestJson.DocumentField)]
    [InlineData("""{ "participants": 80 """, ProjectRequestJson.DocumentField)]
    public void Read_rejects_unknown_fields_and_wrong_shapes_naming_the_field_in_both_languages(string json, string field)
    {
        var read = ProjectRequestJson.Read(json);

        Assert.False(read.IsValid);
        var error = Assert.Single(read.Errors);
        Assert.Equal(field, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message.Nl));
        Assert.False(string.IsNullOrWhiteSpace(error.Message.En));
        Assert.NotEqual(error.Message.Nl, error.Message.En);
    }

    [Fact]
    public void Read_reports_malformed_json_with_its_line()
    {
        var read = ProjectRequestJson.Read("{\n\"participants\": 80,\n\n\"cost\": 90000,,\n}");

        var error = Assert.Single(read.Errors);
        Assert.Contains("regel 4", error.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("line 4", error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_suggests_the_field_when_only_the_case_differs()
    {
        var read = ProjectRequestJson.Read("""{ "Participants": 80 }""");

        Assert.Contains("'participants'", Assert.Single(read.Errors).Message.En, StringComparison.Ordinal);
    }
}
