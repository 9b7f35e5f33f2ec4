using System.Text.Json.Nodes;
using Impactkaart.Engine.Model;

namespace Impactkaart.Cli.Tests;

public class ModelCommandTests
{
    [Fact]
    public void Model_list_shows_themes_with_their_reference_projects_and_summaries()
    {
        var result = Cli.Run("model", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("schuldproblematiek", result.Output, StringComparison.Ordinal);
        Assert.Contains("budgetcoaching", result.Output, StringComparison.Ordinal);
        Assert.Contains("huisbezoek-ouderen", result.Output, StringComparison.Ordinal);
        Assert.Contains("Een coach helpt huishoudens met geldzorgen", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_show_gives_everything_about_a_reference_project()
    {
        var result = Cli.Run("model", "show", "huisbezoek-ouderen");

        Assert.Equal(0, result.ExitCode);
        var text = result.Output;
        Assert.Contains("Doelgroep", text, StringComparison.Ordinal);
        Assert.Contains("Intensiteit", text, StringComparison.Ordinal);
        Assert.Contains("Gebruikelijke omvang: 40 deelnemers", text, StringComparison.Ordinal);
        Assert.Contains("Deadweight", text, StringComparison.Ordinal);
        Assert.Contains("Attributie", text, StringComparison.Ordinal);
        Assert.Contains("Afname per jaar", text, StringComparison.Ordinal);
        Assert.Contains("Prijzen die de uitkomsten bewegen", text, StringComparison.Ordinal);
        Assert.Contains("Vragen over de werkwijze", text, StringComparison.Ordinal);
        Assert.Contains("zoals-referentie *", text, StringComparison.Ordinal);
        Assert.Contains("Minder of later opname in een verpleeghuis", text, StringComparison.Ordinal);
        Assert.Contains("reviews-huisbezoek-ouderen", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_show_with_an_unknown_id_names_the_known_ids_and_exits_with_2()
    {
        var result = Cli.Run("model", "show", "bestaat-niet");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bestaat-niet", result.Error, StringComparison.Ordinal);
        Assert.Contains("budgetcoaching", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Cli.StackTraceMarker, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_show_without_an_id_asks_for_one()
    {
        var result = Cli.Run("model", "show", "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("give a reference project's id", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_validate_says_the_shipped_model_is_valid_with_counts()
    {
        var result = Cli.Run("model", "validate");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("model is valid", result.Output, StringComparison.Ordinal);
        Assert.Contains("referentieprojecten", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_validate_accepts_a_valid_copy_of_the_model_folder()
    {
        using var folder = ModelCopy();

        var result = Cli.Run("model", "validate", folder.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("model is valid", result.Output, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Breakages => new()
    {
        // name, file to break, text the message must contain (the field)
        { "missing source", "reference-projects/budgetcoaching.json", "outcomes[0].effect" },
        { "unit mismatch", "reference-projects/budgetcoaching.json", "outcomes[0].prices[0]" },
        { "dangling id", "reference-projects/budgetcoaching.json", "bestaat-niet" },
        { "malformed json", "reference-projects/budgetcoaching.json", "regel" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Model_validate_reports_a_broken_copy_naming_file_and_field_and_exits_with_2(string breakage, string file, string expected)
    {
        using var folder = ModelCopy();
        var path = Path.Combine(folder.Path, file);
        if (breakage == "malformed json")
        {
            File.WriteAllText(path, File.ReadAllText(path).Replace("\"outcomes\":", "\"outcomes\" [", StringComparison.Ordinal));
        }
        else
        {
            var project = JsonNode.Parse(File.ReadAllText(path))!;
            var outcome = project["outcomes"]![0]!;
            switch (breakage)
            {
                case "missing source":
                    // The shipped effect is a source read with an assumption: without both it has no basis at all.
                    outcome["effect"]!.AsObject().Remove("source");
                    outcome["effect"]!.AsObject().Remove("assumption");
                    break;
                case "unit mismatch":
                    outcome["prices"]![0]!["unit"] = "uur";
                    break;
                case "dangling id":
                    outcome["prices"]![0]!["price"] = "bestaat-niet";
                    break;
            }
            File.WriteAllText(path, project.ToJsonString());
        }

        var result = Cli.Run("model", "validate", folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(file, result.Output, StringComparison.Ordinal);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("model is valid", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Cli.StackTraceMarker, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_validate_of_a_folder_that_does_not_exist_exits_with_2()
    {
        var result = Cli.Run("model", "validate", "/nonexistent/impactkaart-model");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bestaat niet", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_model_never_yields_a_figure()
    {
        using var folder = ModelCopy();
        File.WriteAllText(Path.Combine(folder.Path, "sources.json"), "{ \"sources\": [ ");

        var result = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--model", folder.Path));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("sources.json", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("€", result.Error, StringComparison.Ordinal);
    }

    /// <summary>The shipped model's files, written out as a model folder.</summary>
    internal static TempFolder ModelCopy()
    {
        var folder = new TempFolder();
        var assembly = typeof(ModelLoader).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("model/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            folder.File(name["model/".Length..], reader.ReadToEnd());
        }
        return folder;
    }
}
