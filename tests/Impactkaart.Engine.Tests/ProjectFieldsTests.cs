using Impactkaart.Engine.Calculation;
using Impactkaart.Tests;

namespace Impactkaart.Engine.Tests;

/// <summary>The one table of a project's fields: its names are unique per way in, and a project file carries every field.</summary>
public sealed class ProjectFieldsTests
{
    public static TheoryData<string> Fields => [.. ProjectFields.All.Select(f => f.Json)];

    [Fact]
    public void A_written_project_file_reads_back_every_field_of_the_table()
    {
        var request = FieldExamples.EveryField();

        var back = ProjectRequestJson.Read(ProjectRequestJson.Write(request, request.ModelVersion!));

        Assert.True(back.IsValid, string.Join("; ", back.Errors.Select(e => e.Message.Nl)));
        Assert.Empty(FieldExamples.Differences(request, back.Value!));
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Each_field_is_read_from_a_file_as_text_and_when_it_takes_numbers_as_a_number(string json)
    {
        var field = ProjectFields.ByJson(json)!;
        var value = field.IsList ? """{ "x": "7" }""" : "\"7\"";
        var file = NestUnder(field, value);

        var read = ProjectRequestJson.Read(file);
        var asNumber = ProjectRequestJson.Read(NestUnder(field, field.IsList ? """{ "x": 7 }""" : "7"));

        Assert.True(read.IsValid, string.Join("; ", read.Errors.Select(e => e.Message.Nl)));
        Assert.Equal("7", field.IsList ? read.Value!.ListOf(field)["x"] : read.Value![field]);
        Assert.Equal(field.TakesNumbers, asNumber.IsValid);
    }

    [Fact]
    public void Every_way_in_names_each_field_once()
    {
        static void Unique(IEnumerable<string?> names, string way)
        {
            var given = names.OfType<string>().ToList();
            Assert.True(given.Count == given.Distinct(StringComparer.OrdinalIgnoreCase).Count(), $"{way}: {string.Join(", ", given.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key))} twice");
        }

        Unique(ProjectFields.All.Select(f => f.Json), "JSON");
        Unique(ProjectFields.All.Select(f => f.FormKey), "form");
        Unique(ProjectFields.All.Select(f => f.CliOption), "CLI");
        Unique(ProjectFields.All.SelectMany(f => (f.Batch?.All ?? []).Distinct(StringComparer.OrdinalIgnoreCase)), "batch");
        Assert.All(ProjectFields.All, f => Assert.InRange(f.Step, 1, 3));
        Assert.All(ProjectFields.All, f => Assert.False(string.IsNullOrWhiteSpace(f.Description.Nl) || string.IsNullOrWhiteSpace(f.Description.En), f.Json));
    }

    [Fact]
    public void Only_the_file_stamp_and_the_simulation_settings_stay_out_of_a_way_in()
    {
        // The web always draws the model's default number with the default seed; a batch has one setting for all rows;
        // the model version is the stamp of a file, so only files carry it. Every other field goes every way.
        Assert.Equal(["modelVersion", "draws", "seed"], ProjectFields.All.Where(f => f.FormKey is null).Select(f => f.Json));
        Assert.Equal(["modelVersion", "draws", "seed"], ProjectFields.All.Where(f => f.Batch is null).Select(f => f.Json));
        Assert.Equal(["modelVersion"], ProjectFields.All.Where(f => f.CliOption is null).Select(f => f.Json));
    }

    [Fact]
    public void The_canonical_key_is_the_same_whatever_order_the_fields_came_in()
    {
        var one = ProjectRequestJson.Read("""{ "participants": 80, "referenceProject": "budgetcoaching", "answers": { "b": "2", "a": "1" }, "discountRate": 4 }""").Value!;
        var other = ProjectRequestJson.Read("""{ "discountRate": "4", "answers": { "a": "1", "b": "2" }, "referenceProject": "budgetcoaching", "participants": "80" }""").Value!;
        var otherRate = ProjectRequestJson.Read("""{ "discountRate": "3", "answers": { "a": "1", "b": "2" }, "referenceProject": "budgetcoaching", "participants": "80" }""").Value!;

        Assert.Equal(one.CanonicalKey(), other.CanonicalKey());
        Assert.NotEqual(one.CanonicalKey(), otherRate.CanonicalKey());
        Assert.Equal(one.CanonicalKey(), one.Copy().CanonicalKey());
    }

    [Fact]
    public void A_valid_example_of_every_field_validates_and_keeps_its_discount_rate()
    {
        foreach (var withTotal in new[] { false, true })
        {
            var request = FieldExamples.Valid(Helpers.Shipped.Version, withTotal);

            var project = ProjectRequestValidator.Validate(Helpers.Shipped, request);
            var simulation = ProjectRequestValidator.ValidateSimulation(Helpers.Shipped, request);

            Assert.True(project.IsValid, string.Join("; ", project.Errors.Select(e => $"{e.Field}: {e.Message.Nl}")));
            Assert.True(simulation.IsValid);
            Assert.Equal(0.04m, project.Value!.DiscountRate.Value);
        }
    }

    [Theory]
    [InlineData("90.000", "90000")]
    [InlineData("1.250,50", "1250.5")]
    [InlineData("geen getal", "geen getal")]
    public void An_amount_is_written_back_as_the_engine_read_it(string typed, string written) =>
        Assert.Equal(written, ProjectFields.Cost.Format(typed));

    [Fact]
    public void A_percentage_is_written_back_with_a_point() =>
        Assert.Equal("2.25", ProjectFields.DiscountRate.Format("2,25"));

    private static string NestUnder(ProjectField field, string value)
    {
        var dot = field.Json.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? $$"""{ "{{field.Json}}": {{value}} }""" : $$"""{ "{{field.Json[..dot]}}": { "{{field.Json[(dot + 1)..]}}": {{value}} } }""";
    }
}
