using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Engine.Tests;

/// <summary>The model we ship: valid, complete, sourced and plausible.</summary>
public sealed class ShippedModelTests
{
    private static readonly string[] RequiredReferenceProjects =
    [
        "budgetcoaching", "thuisadministratie", "vroegsignalering-schulden", "huisbezoek-ouderen", "maatjesproject",
        "welzijn-op-recept", "sociaal-makelen", "jongerenwerk", "activering", "respijtzorg-mantelzorg", "buurtbemiddeling",
    ];

    public static TheoryData<string> ReferenceProjectIds() => [.. Helpers.Shipped.ReferenceProjects.Select(p => p.Id)];

    [Fact]
    public void The_shipped_model_loads_without_a_single_problem()
    {
        var result = ModelLoader.LoadEmbedded();

        Assert.Empty(result.Problems.Select(p => p.Describe(Language.En)));
        Assert.NotNull(result.Model);
    }

    [Fact]
    public void The_repository_model_folder_is_the_model_that_is_shipped()
    {
        var folder = Path.Combine(RepositoryRoot(), "model");
        var fromFolder = ModelLoader.LoadFolder(folder);

        Assert.True(fromFolder.Succeeded);
        Assert.Equal(Helpers.Shipped.Version, fromFolder.Model!.Version);
        Assert.Equal(Helpers.Shipped.ReferenceProjects.Count, fromFolder.Model.ReferenceProjects.Count);
    }

    [Fact]
    public void Every_reference_project_the_issue_names_is_there()
    {
        var ids = Helpers.Shipped.ReferenceProjects.Select(p => p.Id).ToHashSet();

        Assert.All(RequiredReferenceProjects, id => Assert.Contains(id, ids));
    }

    [Fact]
    public void The_five_themes_of_the_incumbent_are_there()
    {
        var ids = Helpers.Shipped.Themes.Select(t => t.Id).ToHashSet();

        Assert.All(new[] { "jongerenwerk", "eenzaamheid", "sociaal-arrangeren", "schuldproblematiek", "participatie" }, id => Assert.Contains(id, ids));
    }

    [Fact]
    public void The_discount_rate_is_the_standard_dutch_rate_of_2_25_percent()
    {
        Assert.Equal(0.0225m, Helpers.Shipped.DiscountRate.Central);
        Assert.Equal("werkgroep-discontovoet-2020", Helpers.Shipped.DiscountRate.Basis.Source!.Id);
    }

    [Fact]
    public void The_price_index_matches_the_cpi_step_from_2022_to_2024()
    {
        // CBS: +3.8% in 2023 and +3.3% in 2024, so 1.038 x 1.033 = 1.0723.
        Helpers.Near(1.038m * 1.033m, Helpers.Shipped.PriceIndex.Factor(2022, 2024), 0.00001m);
    }

    [Fact]
    public void Every_number_in_the_model_has_a_source_or_a_stated_assumption()
    {
        var estimates = AllEstimates(Helpers.Shipped).ToList();

        Assert.NotEmpty(estimates);
        Assert.All(estimates, e => Assert.True(e.Estimate.Basis.Source is not null || e.Estimate.Basis.Assumption is not null, e.Where));
    }

    [Fact]
    public void Every_range_runs_from_low_through_central_to_high()
    {
        Assert.All(AllEstimates(Helpers.Shipped), e => Assert.True(e.Estimate.Low <= e.Estimate.Central && e.Estimate.Central <= e.Estimate.High, e.Where));
    }

    [Theory]
    [MemberData(nameof(ReferenceProjectIds))]
    public void A_reference_project_has_four_to_eight_questions_each_with_one_reference_answer(string id)
    {
        var project = Helpers.Shipped.FindReferenceProject(id)!;

        Assert.InRange(project.Questions.Count, 4, 8);
        Assert.All(project.Questions, q => Assert.Single(q.Options, o => o.IsReference && o.Multiplier == 1m));
        Assert.All(project.Questions.SelectMany(q => q.Options), o => Assert.InRange(o.Multiplier, 0.5m, 1.5m));
    }

    [Theory]
    [MemberData(nameof(ReferenceProjectIds))]
    public void A_reference_project_at_its_typical_size_gives_a_plausible_ratio(string id)
    {
        // The sector average is 1.6 (SEOR 2020); single Dutch studies range from about 1.2 to about 4.
        // A ratio far above that is a defect of the model, not a success.
        var model = Helpers.Shipped;
        var project = model.FindReferenceProject(id)!;
        var cost = project.TypicalParticipants * project.TypicalCostPerParticipant.Central;
        var map = Helpers.Compute(model, ProjectInput.ForReference(model, project, project.TypicalParticipants, Money.FromEuros(cost)), draws: 2000);

        Assert.InRange(map.Ratio!.Value.Value, 0.8m, 4.0m);
        Assert.InRange(map.Uncertainty!.RatioP90.Value, 0m, 5.0m);
    }

    [Theory]
    [MemberData(nameof(ReferenceProjectIds))]
    public void A_reference_project_has_texts_in_dutch_and_english(string id)
    {
        var project = Helpers.Shipped.FindReferenceProject(id)!;
        Text[] texts = [project.Label, project.Summary, project.Description, project.TargetGroup, project.Intensity,
            .. project.Outcomes.Select(o => o.Label), .. project.Qualitative.Select(q => q.Text), .. project.Questions.Select(q => q.Why)];

        Assert.All(texts, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Nl));
            Assert.False(string.IsNullOrWhiteSpace(t.En));
        });
    }

    private static IEnumerable<(string Where, Estimate Estimate)> AllEstimates(ImpactModel model)
    {
        yield return ("discountRate", model.DiscountRate);
        foreach (var p in model.Professions)
        {
            yield return ($"profession {p.Id} hourlyCost", p.HourlyCost);
            yield return ($"profession {p.Id} productiveHours", p.ProductiveHoursPerFteYear);
        }
        foreach (var p in model.Prices)
        {
            yield return ($"price {p.Id}", p.Value);
            foreach (var l in p.Labour)
            {
                yield return ($"price {p.Id} labour {l.Profession.Id}", l.HoursPerUnit);
            }
        }
        foreach (var r in model.ReferenceProjects)
        {
            yield return ($"{r.Id} typicalCost", r.TypicalCostPerParticipant);
            foreach (var o in r.Outcomes)
            {
                yield return ($"{r.Id}/{o.Id} effect", o.Effect);
                yield return ($"{r.Id}/{o.Id} deadweight", o.Deadweight);
                yield return ($"{r.Id}/{o.Id} attribution", o.Attribution);
                yield return ($"{r.Id}/{o.Id} dropOff", o.DropOff);
            }
        }
    }

    /// <summary>The repository folder, recorded at build time (the test binaries may live elsewhere).</summary>
    internal static string RepositoryRoot() =>
        typeof(ShippedModelTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
}
