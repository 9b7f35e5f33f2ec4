using Impactkaart.Engine;
using MiniExcelLibs;

namespace Impactkaart.Reports.Tests;

public sealed class WorkbookTests
{
    [Fact]
    public void Workbook_has_a_sheet_for_every_view_in_Dutch()
    {
        var bytes = MapWorkbook.Render(Maps.Model, Maps.Budgetcoaching(), Language.Nl);
        Maps.Keep("map-nl.xlsx", bytes);

        using var stream = new MemoryStream(bytes);
        Assert.Equal(["Invoer", "Resultaten", "Per jaar", "Per uitkomst", "Per partij", "Per domein", "Arbeid", "Effecten", "Prijzen", "Hoeveelheden", "Rekenspoor", "Bronnen"], MiniExcel.GetSheetNames(stream));
    }

    [Fact]
    public void Workbook_has_English_sheet_names_in_English()
    {
        using var stream = new MemoryStream(MapWorkbook.Render(Maps.Model, Maps.Budgetcoaching(), Language.En));

        Assert.Equal(["Inputs", "Results", "By year", "By outcome", "By payer", "By domain", "Labour", "Effects", "Prices", "Quantities", "Trail", "Sources"], MiniExcel.GetSheetNames(stream));
    }

    [Fact]
    public void Results_hold_the_ratio_as_a_number()
    {
        var rows = Sheet(MapWorkbook.Render(Maps.Model, Maps.Budgetcoaching(), Language.Nl), "Resultaten");

        // The money view's row is named after it, as on the map (before: "Opbrengst per euro (financieel ...").
        var ratio = rows.Single(r => ((string)r["Kengetal"]!).StartsWith("Opbrengst in geld: per geïnvesteerde euro", StringComparison.Ordinal))["Waarde"];
        Assert.IsType<double>(ratio);
        Assert.Equal(1.90, (double)ratio!, 2);
    }

    [Fact]
    public void Results_give_both_views_the_same_rows_ratio_p10_p50_p90_and_chance()
    {
        var map = Maps.Budgetcoaching();
        var rows = Sheet(MapWorkbook.Render(Maps.Model, map, Language.Nl), "Resultaten");
        double Value(string figure) => (double)rows.Single(r => (string)r["Kengetal"]! == figure)["Waarde"]!;
        var u = map.Uncertainty!;

        Assert.Equal((double)map.WelfareRatio!.Value.Value, Value("Maatschappelijke waarde: per geïnvesteerde euro (met welzijnswaarde, zonder overdrachten)"), 4);
        foreach (var (view, p10, p50, p90, chance) in new[]
        {
            ("Opbrengst in geld", u.RatioP10, u.RatioP50, u.RatioP90, u.ProbabilityRatioAboveOne),
            ("Maatschappelijke waarde", u.WelfareRatioP10, u.WelfareRatioP50, u.WelfareRatioP90, u.ProbabilityWelfareRatioAboveOne),
        })
        {
            Assert.Equal((double)p10.Value, Value(view + ": P10 (1 op de 10 uitkomsten lager)"), 4);
            Assert.Equal((double)p50.Value, Value(view + ": P50 (middelste uitkomst)"), 4);
            Assert.Equal((double)p90.Value, Value(view + ": P90 (1 op de 10 uitkomsten hoger)"), 4);
            Assert.Equal((double)chance.Value, Value(view + ": kans dat de baten de kosten overtreffen"), 4);
            Assert.False(string.IsNullOrEmpty((string?)rows.Single(r => (string)r["Kengetal"]! == view + ": wat telt mee")["Waarde"]));
        }
        Assert.Equal((double)map.WellbeingBenefits.Euros, Value("Welzijnswaarde (alleen in de maatschappelijke waarde)"), 2);
        Assert.Equal((double)map.Evidence.AssumedShare.Value, Value("Aandeel van de baten dat op aannames rust"), 4);
        Assert.Equal(u.Explanation.Nl, (string)rows.Single(r => (string)r["Kengetal"]! == "Waarom de bandbreedte zo is")["Waarde"]!);
    }

    [Fact]
    public void Results_of_a_map_where_every_draw_paid_off_show_the_chance_as_more_than_99_percent_never_100()
    {
        var map = Maps.WithChances(Maps.Budgetcoaching(), 1m, 1m);
        var rows = Sheet(MapWorkbook.Render(Maps.Model, map, Language.Nl), "Resultaten");

        var chances = rows.Where(r => ((string)r["Kengetal"]!).EndsWith("kans dat de baten de kosten overtreffen", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, chances.Count);
        Assert.All(chances, r => Assert.Equal("fractie (> 99%)", r["Eenheid"]));
        Assert.DoesNotContain(rows.SelectMany(r => r.Values).OfType<string>(), v => v.Contains("100%", StringComparison.Ordinal));
    }

    [Fact]
    public void Results_start_with_the_warning_for_a_project_at_a_tenth_of_the_usual_cost()
    {
        var map = Maps.CheapBudgetcoaching();
        var rows = Sheet(MapWorkbook.Render(Maps.Model, map, Language.Nl), "Resultaten");

        Assert.Equal("Let op", rows[0]["Kengetal"]);
        Assert.Equal(map.Warnings[0].Message.Nl, rows[0]["Waarde"]);
        Assert.Equal("not-comparable-low", rows[0]["Eenheid"]);
    }

    [Fact]
    public void By_outcome_gives_the_wellbeing_value_and_the_evidence_grade_with_its_basis_and_whether_it_is_calibrated()
    {
        var map = Maps.Budgetcoaching();
        var rows = Sheet(MapWorkbook.Render(Maps.Model, map, Language.Nl), "Per uitkomst");

        Assert.Equal(map.ByOutcome.Count, rows.Count);
        foreach (var (row, outcome) in rows.Zip(map.ByOutcome))
        {
            Assert.Equal(Maps.Model.Evidence.For(outcome.Outcome.Evidence).Label.Nl, row["Bewijs"]);
            Assert.Equal(new Formats(Language.Nl).EvidenceBasis(Maps.Model.Evidence, outcome.Outcome), row["Waar het bewijs op rust"]);
            Assert.Equal(outcome.Outcome.Effect.Basis.IsCalibrated ? "ja" : "nee", row["Afgestemd op het voorbeeld van de sector"]);
            Assert.Equal((double)outcome.WellbeingBenefits.Euros, (double)row["Welzijnswaarde"]!, 2);
            Assert.Equal((double)outcome.WelfareBenefits.Euros, (double)row["Maatschappelijke baten"]!, 2);
        }
    }

    [Fact]
    public void Trail_benefit_rows_sum_to_the_benefits_and_cost_rows_to_the_costs()
    {
        var map = Maps.Budgetcoaching();
        var rows = Sheet(MapWorkbook.Render(Maps.Model, map, Language.Nl), "Rekenspoor");

        // The engine's lines, and cost lines of no months up to the last year of effects (so the duration can be raised in Excel).
        var costLines = rows.Where(r => (string)r["Soort"]! == "kosten").ToList();
        Assert.Equal(map.Trail.Count(t => t.Outcome is not null), rows.Count - costLines.Count);
        Assert.Equal(map.PerYear.Count, costLines.Count);
        Assert.Equal(map.Trail.Count(t => t.Outcome is null), costLines.Count(r => (double)r["Hoeveelheid"]! > 0));
        var benefits = rows.Where(r => (string)r["Soort"]! != "kosten").Sum(r => (double)r["Bedrag"]!);
        var costs = rows.Where(r => (string)r["Soort"]! == "kosten").Sum(r => (double)r["Bedrag"]!);
        Assert.Equal((double)map.Benefits.Euros, benefits, 0.01);
        Assert.Equal((double)map.Costs.Euros, costs, 0.01);
        // Each line is worked out in its own columns (formulas; MiniExcel reads their cached values): quantity x unit price x discount factor.
        Assert.All(rows, r => Assert.Equal((double)r["Bedrag"]!, (double)r["Hoeveelheid"]! * (double)r["Eenheidsprijs"]! * (double)r["Disconteringsfactor"]!, 6));
        Assert.Contains(rows, r => ((string?)r["Bronnen"] ?? "").Contains("regioplan-schuldhulp-2011", StringComparison.Ordinal));
    }

    [Fact]
    public void Inputs_list_the_project_and_every_answer()
    {
        var map = Maps.Budgetcoaching("Budgetcoaching Noord");
        var rows = Sheet(MapWorkbook.Render(Maps.Model, map, Language.Nl), "Invoer", InputsHeader);

        Assert.Contains(rows, r => (string)r["Veld"]! == "Projectnaam" && (string)r["Waarde"]! == "Budgetcoaching Noord");
        Assert.Contains(rows, r => (string)r["Veld"]! == "Deelnemers" && (double)r["Waarde"]! == 80);
        Assert.Equal(map.Input.ReferenceProject.Questions.Count, rows.Count(r => ((string)r["Veld"]!).StartsWith("Vraag:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Labour_and_sources_sheets_carry_hours_and_citations()
    {
        var map = Maps.HomeVisits();
        var bytes = MapWorkbook.Render(Maps.Model, map, Language.Nl);

        var labour = Sheet(bytes, "Arbeid");
        Assert.Contains(labour, r => (string)r["Soort"]! == "Sector" && ((string)r["Naam"]!).StartsWith("Verpleging", StringComparison.Ordinal) && (double)r["Uren"]! is > 850 and < 950);
        var sources = Sheet(bytes, "Bronnen");
        Assert.Contains(sources, r => (string)r["Id"]! == "cbs-cpi" && r["Jaar"] is double);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"klik\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    public void A_project_name_that_looks_like_a_formula_comes_back_guarded(string name)
    {
        var rows = Sheet(MapWorkbook.Render(Maps.Model, Maps.Budgetcoaching(name), Language.Nl), "Invoer", InputsHeader);

        var value = (string)rows.Single(r => (string)r["Veld"]! == "Projectnaam")["Waarde"]!;
        Assert.Equal(MapWorkbook.FormulaGuard + name, value);
    }

    [Fact]
    public void Guard_leaves_ordinary_text_alone()
    {
        Assert.Equal("Budgetcoaching", MapWorkbook.Guard("Budgetcoaching"));
        Assert.Equal("'=1+1", MapWorkbook.Guard("=1+1"));
        Assert.Equal("", MapWorkbook.Guard(null));
    }

    [Fact]
    public void Inputs_open_with_how_the_workbook_computes()
    {
        using var stream = new MemoryStream(MapWorkbook.Render(Maps.Model, Maps.Budgetcoaching(), Language.Nl));
        var first = stream.Query(sheetName: "Invoer").Cast<IDictionary<string, object?>>().Take(6).Select(r => r["A"] as string ?? "").ToList();

        Assert.Equal("Hoe dit werkblad rekent", first[0]);
        Assert.Contains(first, line => line.StartsWith("De gele cellen zijn invoer", StringComparison.Ordinal));
        Assert.Equal("", first[5]);
    }

    /// <summary>The inputs' table starts under the note on how the workbook computes.</summary>
    private const string InputsHeader = "A7";

    private static List<IDictionary<string, object?>> Sheet(byte[] bytes, string name, string startCell = "A1")
    {
        using var stream = new MemoryStream(bytes);
        return [.. stream.Query(useHeaderRow: true, sheetName: name, startCell: startCell).Cast<IDictionary<string, object?>>()];
    }
}
