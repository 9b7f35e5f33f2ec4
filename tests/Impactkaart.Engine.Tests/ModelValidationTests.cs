using System.Text.Json.Nodes;
using Impactkaart.Engine.Model;

namespace Impactkaart.Engine.Tests;

/// <summary>A broken model never yields a figure, and says in plain words which file and field is wrong.</summary>
public sealed class ModelValidationTests
{
    [Fact]
    public void The_tiny_model_is_valid()
    {
        Assert.True(new TinyModel().Load().Succeeded);
    }

    [Fact]
    public void A_price_without_a_source_or_assumption_is_refused()
    {
        var tiny = new TinyModel();
        tiny.CarePrice["value"]!.AsObject().Remove("source");

        AssertProblem(tiny, "prices/test.json", "prices[0].value", "has no source and no assumption");
    }

    [Fact]
    public void A_reference_to_a_source_that_does_not_exist_is_refused()
    {
        var tiny = new TinyModel();
        tiny.Outcome["effect"]!["source"] = "bron-onbekend";

        AssertProblem(tiny, "reference-projects/proef.json", "outcomes[0].effect.source", "unknown source 'bron-onbekend'");
    }

    [Fact]
    public void A_price_link_whose_unit_does_not_match_the_price_is_refused()
    {
        var tiny = new TinyModel();
        tiny.Outcome["prices"]![0]!["unit"] = "maand";

        AssertProblem(tiny, "reference-projects/proef.json", "outcomes[0].prices[0].unit", "does not match price 'zorg-uur', which is per 'uur'");
    }

    [Fact]
    public void A_dangling_price_id_is_refused_and_names_the_known_ids()
    {
        var tiny = new TinyModel();
        tiny.Outcome["prices"]![0]!["price"] = "bestaat-niet";

        AssertProblem(tiny, "reference-projects/proef.json", "outcomes[0].prices[0].price", "unknown price 'bestaat-niet'. Known are: uitkering, zorg-uur");
    }

    [Fact]
    public void A_unit_without_its_plural_is_refused()
    {
        var tiny = new TinyModel();
        tiny.Settings["units"]![1]!.AsObject().Remove("plural");

        AssertProblem(tiny, "model.json", "units[1].plural", "must have a Dutch (nl) and an English (en) text");
    }

    [Fact]
    public void A_dangling_payer_is_refused()
    {
        var tiny = new TinyModel();
        tiny.CarePrice["payer"] = "niemand";

        AssertProblem(tiny, "prices/test.json", "prices[0].payer", "unknown payer 'niemand'");
    }

    [Fact]
    public void Malformed_json_is_refused_with_its_line()
    {
        var files = new TinyModel().ToFiles().Select(f => f.Path == "themes.json" ? f with { Json = "{ \"themes\": [ \n { \"id\": " } : f).ToList();
        var result = ModelLoader.Load(files);

        Assert.Null(result.Model);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("themes.json", problem.File);
        Assert.Contains("line", problem.Message.En, StringComparison.Ordinal);
        Assert.Contains("regel", problem.Message.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_is_refused_rather_than_ignored()
    {
        var tiny = new TinyModel();
        tiny.Outcome["deadwieght"] = 0.5;

        AssertProblem(tiny, "reference-projects/proef.json", "", "unknown field");
    }

    [Fact]
    public void A_range_whose_low_end_lies_above_its_central_value_is_refused()
    {
        var tiny = new TinyModel();
        tiny.Outcome["effect"]!["low"] = 5;

        AssertProblem(tiny, "reference-projects/proef.json", "outcomes[0].effect", "low (5) <= central (2) <= high (3) does not hold");
    }

    [Fact]
    public void A_deadweight_above_one_is_refused()
    {
        var tiny = new TinyModel();
        tiny.Outcome["deadweight"] = JsonNode.Parse("""{ "central": 1.2, "source": "bron-a" }""");

        AssertProblem(tiny, "reference-projects/proef.json", "outcomes[0].deadweight", "must lie between 0 and 1");
    }

    [Fact]
    public void An_answer_that_changes_the_effect_beyond_its_bounds_is_refused()
    {
        var tiny = new TinyModel();
        tiny.Files["questions.json"]["questions"]![1]!["options"]![1]!["multiplier"] = 3;

        AssertProblem(tiny, "questions.json", "questions[1].options[1].multiplier", "must lie between 0.5 and 1.5");
    }

    [Fact]
    public void A_reference_project_with_fewer_than_four_questions_is_refused()
    {
        var tiny = new TinyModel();
        tiny.Project["questions"]!.AsArray().RemoveAt(0);

        AssertProblem(tiny, "reference-projects/proef.json", "questions", "4 to 8 questions (now 3)");
    }

    [Fact]
    public void A_conversion_between_units_without_a_basis_is_refused()
    {
        var tiny = new TinyModel();
        tiny.Outcome["prices"]![0]!["quantity"] = 2;

        AssertProblem(tiny, "reference-projects/proef.json", "outcomes[0].prices[0]", "has no source and no assumption");
    }

    [Fact]
    public void A_missing_file_is_refused()
    {
        var files = new TinyModel().ToFiles().Where(f => f.Path != "sources.json").ToList();
        var result = ModelLoader.Load(files);

        Assert.Null(result.Model);
        Assert.Contains(result.Problems, p => p.File == "sources.json" && p.Message.Nl.Contains("ontbreekt", StringComparison.Ordinal));
    }

    [Fact]
    public void A_text_without_its_english_version_is_refused()
    {
        var tiny = new TinyModel();
        tiny.Project["label"]!.AsObject().Remove("en");

        AssertProblem(tiny, "reference-projects/proef.json", "label", "must have a Dutch (nl) and an English (en) text");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var tiny = new TinyModel();
        tiny.CarePrice["payer"] = "niemand";
        tiny.Outcome["unit"] = "lichtjaar";

        var result = tiny.Load();

        Assert.Null(result.Model);
        Assert.True(result.Problems.Count >= 2);
    }

    [Fact]
    public void A_folder_that_does_not_exist_gives_a_problem_not_an_exception()
    {
        var result = ModelLoader.LoadFolder(Path.Combine(Path.GetTempPath(), "impactkaart-no-such-folder-" + Guid.NewGuid()));

        Assert.Null(result.Model);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void A_calibrated_number_that_cites_a_source_is_refused()
    {
        var tiny = new TinyModel();
        tiny.Outcome["effect"]!["calibrated"] = true;

        AssertProblem(tiny, "reference-projects/proef.json", "outcomes[0].effect", "calibrated to a published example");
    }

    [Fact]
    public void Mutually_exclusive_branches_whose_shares_add_up_to_more_than_one_are_refused()
    {
        var tiny = new TinyModel().WithBenefitOutcome();
        tiny.Outcome["effect"] = JsonNode.Parse("""{ "central": 0.6, "source": "bron-a" }""");
        tiny.Project["exclusive"] = JsonNode.Parse("""
            [ { "id": "pad", "label": { "nl": "Pad", "en": "Path" }, "outcomes": [ "minder-zorg", "minder-uitkering" ], "cap": { "central": 0.5, "source": "bron-a" } } ]
            """);

        AssertProblem(tiny, "reference-projects/proef.json", "exclusive[0].outcomes", "add up to at most 1; now 1.6");
    }

    [Fact]
    public void An_outcome_that_only_subtracts_is_refused()
    {
        var tiny = new TinyModel();
        tiny.Outcome["prices"]![0]!["quantity"] = -1;
        tiny.Outcome["prices"]![0]!["source"] = "bron-a";

        AssertProblem(tiny, "reference-projects/proef.json", "outcomes[0].prices", "at least one price item with a positive quantity");
    }

    [Fact]
    public void A_model_without_its_intensity_rule_or_evidence_grades_is_refused()
    {
        var tiny = new TinyModel();
        tiny.Settings.Remove("intensity");
        tiny.Settings["evidence"]!["grades"]!.AsArray().RemoveAt(4);

        AssertProblem(tiny, "model.json", "intensity", "is missing");
        AssertProblem(tiny, "model.json", "evidence.grades", "evidence grade 'contradicted' is missing");
    }

    [Fact]
    public void A_weaker_grade_with_a_smaller_chance_of_no_effect_than_a_stronger_one_is_refused()
    {
        var tiny = new TinyModel().WithAbsence(0.1m, 0.2m, 0.1m, 0.4m, 0.8m);

        AssertProblem(tiny, "model.json", "evidence.grades", "at least the absence probability of a stronger one");
    }

    private static void AssertProblem(TinyModel tiny, string file, string path, string englishFragment)
    {
        var result = tiny.Load();

        Assert.Null(result.Model);
        Assert.Contains(result.Problems, p => p.File == file && p.Path.StartsWith(path, StringComparison.Ordinal)
            && p.Message.En.Contains(englishFragment, StringComparison.OrdinalIgnoreCase)
            && p.Message.Nl.Length > 0);
    }
}
