using System.Text;
using Impactkaart.Engine.Calculation;
using Impactkaart.Reports.Batch;
using MiniExcelLibs;

namespace Impactkaart.Reports.Tests;

public sealed class BatchReadingTests
{
    private static BatchSource Csv(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return BatchSource.Open(new MemoryStream(bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes), BatchFormat.Csv);
    }

    [Fact]
    public void Semicolon_file_with_a_BOM_and_Dutch_decimal_commas_is_read_row_by_row()
    {
        var source = Csv("naam;referentieproject;deelnemers;kosten\nGeld Oost;budgetcoaching;80;90000,50\n", bom: true);

        var row = Assert.Single(source.Rows());

        Assert.True(source.IsUsable);
        Assert.Equal(2, row.Line);
        Assert.Equal("Geld Oost", row.Request.Name);
        Assert.Equal("90000,50", row.Request.Cost);
        Assert.True(ProjectRequestValidator.Validate(Maps.Model, row.Request).IsValid);
    }

    [Fact]
    public void Comma_file_with_English_headers_and_quoted_fields_is_read()
    {
        var source = Csv("name,referenceProject,participants,cost,a.intensiteit\r\n\"Oost, \"\"Noord\"\"\",budgetcoaching,80,\"90000,5\",meer\r\n");

        var row = Assert.Single(source.Rows());

        Assert.Equal("Oost, \"Noord\"", row.Request.Name);
        Assert.Equal("90000,5", row.Request.Cost);
        Assert.Equal("meer", row.Request.Answers["intensiteit"]);
    }

    [Fact]
    public void Line_numbers_count_the_header_and_line_breaks_inside_quotes_and_blank_lines_are_skipped()
    {
        var source = Csv("naam;ref;deelnemers;kosten\n\"twee\nregels\";budgetcoaching;80;90000\n;;;\nderde;budgetcoaching;40;37000\n");

        var rows = source.Rows().ToList();

        Assert.Equal([2, 5], rows.Select(r => r.Line));
        Assert.Equal("twee\nregels", rows[0].Request.Name);
    }

    [Fact]
    public void Missing_required_columns_are_named_and_unknown_columns_ignored()
    {
        var source = Csv("naam;deelnemer;id\nA;80;1\n");

        Assert.False(source.IsUsable);
        Assert.Equal(["referentieproject", "deelnemers", "kosten"], source.Missing);
        Assert.Equal(["deelnemer", "id"], source.Ignored);
        Assert.Empty(source.Rows());
    }

    [Fact]
    public void Invalid_UTF8_in_a_cell_is_reported_for_that_row_and_column_and_the_next_row_is_read()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("naam;ref;deelnemers;kosten\nZo"), 0xEB, .. Encoding.UTF8.GetBytes(";budgetcoaching;80;90000\nGoed;budgetcoaching;80;90000\n")];

        var rows = BatchSource.Open(new MemoryStream(bytes), BatchFormat.Csv).Rows().ToList();

        var problem = Assert.Single(rows[0].Problems);
        Assert.Equal("name", problem.Field);
        Assert.Contains("UTF-8", problem.Message.Nl, StringComparison.Ordinal);
        Assert.Empty(rows[1].Problems);
        Assert.Equal("Goed", rows[1].Request.Name);
    }

    [Fact]
    public void An_empty_file_and_a_file_that_is_not_Excel_give_a_clear_problem()
    {
        Assert.Equal(BatchTexts.EmptyFile, Csv("").Problem);
        Assert.Equal(BatchTexts.NotExcel, BatchSource.Open(new MemoryStream(Encoding.UTF8.GetBytes("naam;ref\n")), BatchFormat.Xlsx).Problem);
    }

    [Fact]
    public void First_sheet_of_an_xlsx_is_read_with_numbers_and_dates_as_the_engine_reads_them()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new[]
        {
            new Dictionary<string, object> { ["naam"] = "Oost", ["referentieproject"] = "budgetcoaching", ["deelnemers"] = 80, ["kosten"] = 90000.5, ["start"] = new DateTime(2026, 9, 1) },
        });
        stream.Position = 0;

        var source = BatchSource.Open(stream, BatchFormat.Xlsx);
        var row = Assert.Single(source.Rows());

        Assert.Equal(2, row.Line);
        Assert.Equal("90000.5", row.Request.Cost);
        Assert.Equal("2026-09-01", row.Request.Start);
        Assert.True(ProjectRequestValidator.Validate(Maps.Model, row.Request).IsValid);
    }

    [Fact]
    public void Dutch_amounts_in_a_semicolon_file_are_read_as_a_dutch_user_means_them()
    {
        // 1.125 hours x 80 euro = 90,000 staff; 2.500,50 material; so 92,500.50 in all.
        var source = Csv("naam;ref;deelnemers;uren;uurtarief;materiaal\nOost;budgetcoaching;80;1.125;80;2.500,50\n");

        var row = Assert.Single(source.Rows());
        var input = ProjectRequestValidator.Validate(Maps.Model, row.Request).Value!;

        Assert.Equal(1125m, input.OwnHours!.Value.Value);
        Assert.Equal(92_500.50m, input.Costs.Total.Euros);
    }

    [Fact]
    public void A_number_cell_of_an_xlsx_keeps_its_value_even_with_three_decimals()
    {
        // A number cell holds 1.125 itself, not the text a user typed: one and an eighth hours, never 1125.
        using var stream = new MemoryStream();
        stream.SaveAs(new[]
        {
            new Dictionary<string, object> { ["referentieproject"] = "budgetcoaching", ["deelnemers"] = 80, ["kosten"] = 90000, ["eigenuren"] = 1.125 },
        });
        stream.Position = 0;

        var row = Assert.Single(BatchSource.Open(stream, BatchFormat.Xlsx).Rows());
        var input = ProjectRequestValidator.Validate(Maps.Model, row.Request).Value!;

        Assert.Equal(1.125m, input.OwnHours!.Value.Value);
    }
}
