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
        Assert.Equal(["Invoer", "Resultaten", "Per jaar", "Per uitkomst", "Per partij", "Per domein", "Arbeid", "Rekenspoor", "Bronnen"], MiniExcel.GetSheetNames(stream));
    }

    [Fact]
    public void Workbook_has_English_sheet_names_in_English()
    {
        using var stream = new MemoryStream(MapWorkbook.Render(Maps.Model, Maps.Budgetcoaching(), Language.En));

        Assert.Equal(["Inputs", "Results", "By year", "By outcome", "By payer", "By domain", "Labour", "Trail", "Sources"], MiniExcel.GetSheetNames(stream));
    }

    [Fact]
    public void Results_hold_the_ratio_as_a_number()
    {
        var rows = Sheet(MapWorkbook.Render(Maps.Model, Maps.Budgetcoaching(), Language.Nl), "Resultaten");

        var ratio = rows.Single(r => ((string)r["Kengetal"]!).StartsWith("Opbrengst per euro (financieel", StringComparison.Ordinal))["Waarde"];
        Assert.IsType<double>(ratio);
        Assert.Equal(1.90, (double)ratio!, 2);
    }

    [Fact]
    public void Trail_benefit_rows_sum_to_the_benefits_and_cost_rows_to_the_costs()
    {
        var map = Maps.Budgetcoaching();
        var rows = Sheet(MapWorkbook.Render(Maps.Model, map, Language.Nl), "Rekenspoor");

        Assert.Equal(map.Trail.Count, rows.Count);
        var benefits = rows.Where(r => (string)r["Soort"]! != "kosten").Sum(r => (double)r["Bedrag"]!);
        var costs = rows.Where(r => (string)r["Soort"]! == "kosten").Sum(r => (double)r["Bedrag"]!);
        Assert.Equal((double)map.Benefits.Euros, benefits, 0.01);
        Assert.Equal((double)map.Costs.Euros, costs, 0.01);
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty((string?)r["Berekening"])));
        Assert.Contains(rows, r => ((string?)r["Bronnen"] ?? "").Contains("regioplan-schuldhulp-2011", StringComparison.Ordinal));
    }

    [Fact]
    public void Inputs_list_the_project_and_every_answer()
    {
        var map = Maps.Budgetcoaching("Budgetcoaching Noord");
        var rows = Sheet(MapWorkbook.Render(Maps.Model, map, Language.Nl), "Invoer");

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
        var rows = Sheet(MapWorkbook.Render(Maps.Model, Maps.Budgetcoaching(name), Language.Nl), "Invoer");

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

    private static List<IDictionary<string, object?>> Sheet(byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes);
        return [.. stream.Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>()];
    }
}
