using System.Text;
using MiniExcelLibs;
using Spectre.Console.Testing;

namespace Impactkaart.Cli.Tests;

public sealed class BatchCommandTests : IDisposable
{
    private const string Header = "naam;referentieproject;deelnemers;kosten\n";
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static string[] Lines(string path) =>
        File.ReadAllText(path).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void All_good_rows_give_exit_code_0_a_summary_and_results_beside_the_input()
    {
        var input = folder.File("projecten.csv", Header + "Geld Oost;budgetcoaching;80;90000\nBezoek;huisbezoek-ouderen;40;37000\n");

        var result = Cli.Run("batch", input);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Berekend: 2. Regels met fouten: 0.", result.Output, StringComparison.Ordinal);
        var output = Path.Combine(folder.Path, "projecten-resultaten.csv");
        Assert.Contains($"Resultaten: {output}", result.Output, StringComparison.Ordinal);
        var lines = Lines(output);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("2;Geld Oost;budgetcoaching;1,9;90000;", lines[1], StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void Batch_ratio_equals_the_ratio_of_compute_for_the_same_project()
    {
        var input = folder.File("p.csv", "name,referenceProject,participants,cost,a.intensiteit\nX,budgetcoaching,80,\"90000,00\",meer\n");
        var output = Path.Combine(folder.Path, "r.csv");

        Cli.Run("batch", input, "-o", output, "--lang", "en");
        var single = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--answer", "intensiteit=meer", "--draws", "0", "--format", "json")).Json();

        var cells = Lines(output)[1].Split(',');
        Assert.Equal(Math.Round(single.GetProperty("ratio").GetDecimal(), 2).ToString(System.Globalization.CultureInfo.InvariantCulture), cells[3]);
    }

    [Fact]
    public void Bad_rows_give_exit_code_3_with_the_line_and_column_while_good_rows_are_computed()
    {
        var input = folder.File("p.csv", Header + "Goed;budgetcoaching;80;90000\nFout;budgetcoaching;-3;90000\nOok goed;budgetcoaching;40;50000\n");
        var errors = Path.Combine(folder.Path, "fouten.csv");

        var result = Cli.Run("batch", input, "--errors", errors);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Berekend: 2. Regels met fouten: 1.", result.Output, StringComparison.Ordinal);
        Assert.Contains($"Foutenrapport: {errors}", result.Output, StringComparison.Ordinal);
        Assert.Contains("Regel 3: deelnemers: Aantal deelnemers", result.Error, StringComparison.Ordinal);
        Assert.StartsWith("3;Fout;deelnemers;", Lines(errors)[1], StringComparison.Ordinal);
        Assert.Equal(4, Lines(Path.Combine(folder.Path, "p-resultaten.csv")).Length);
    }

    [Fact]
    public void Messages_are_in_English_with_lang_en()
    {
        var input = folder.File("p.csv", Header + "Fout;budgetcoaching;-3;90000\n");

        var result = Cli.Run("batch", input, "--lang", "en");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Computed: 0. Rows with errors: 1.", result.Output, StringComparison.Ordinal);
        Assert.Contains("Line 2: deelnemers: Number of participants", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Path, "p-results.csv")));
    }

    [Fact]
    public void Missing_columns_give_exit_code_2_naming_them_and_no_output_file()
    {
        var input = folder.File("p.csv", "naam;deelnemers\nA;80\n");

        var result = Cli.Run("batch", input);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Deze kolommen ontbreken: referentieproject, kosten.", result.Error, StringComparison.Ordinal);
        Assert.Equal(["p.csv"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Unusable_input_gives_exit_code_2_without_a_stack_trace()
    {
        var notExcel = folder.File("nep.xlsx", "geen excel");

        var missing = Cli.Run("batch", Path.Combine(folder.Path, "weg.csv"));
        var broken = Cli.Run("batch", notExcel);
        var wrongType = Cli.Run("batch", folder.File("p.json", "{}"));

        Assert.Equal([2, 2, 2], new[] { missing.ExitCode, broken.ExitCode, wrongType.ExitCode });
        Assert.Contains("bestaat niet", missing.Error, StringComparison.Ordinal);
        Assert.Contains("geen leesbaar Excel-bestand", broken.Error, StringComparison.Ordinal);
        Assert.Contains("Onbekend bestandstype '.json'", wrongType.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Cli.StackTraceMarker, missing.All + broken.All + wrongType.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_UTF8_is_reported_for_its_line_and_the_other_rows_are_computed()
    {
        var input = Path.Combine(folder.Path, "ansi.csv");
        File.WriteAllBytes(input, [.. Encoding.UTF8.GetBytes(Header + "Zo"), 0xEB, .. Encoding.UTF8.GetBytes(";budgetcoaching;80;90000\nGoed;budgetcoaching;80;90000\n")]);

        var result = Cli.Run("batch", input);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Regel 2: naam: Deze cel bevat tekens die geen geldige UTF-8 zijn", result.Error, StringComparison.Ordinal);
        Assert.Contains("Berekend: 1. Regels met fouten: 1.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Excel_in_and_Excel_out_read_back_with_MiniExcel()
    {
        var input = Path.Combine(folder.Path, "p.xlsx");
        MiniExcel.SaveAs(input, new[]
        {
            new Dictionary<string, object> { ["naam"] = "Oost", ["referentieproject"] = "budgetcoaching", ["deelnemers"] = 80, ["kosten"] = 90000 },
            new Dictionary<string, object> { ["naam"] = "Fout", ["referentieproject"] = "bestaat-niet", ["deelnemers"] = 80, ["kosten"] = 90000 },
        });
        var output = Path.Combine(folder.Path, "uit.xlsx");

        var result = Cli.Run("batch", input, "-o", output, "--draws", "100");

        Assert.Equal(3, result.ExitCode);
        var rows = MiniExcel.Query(output, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("Oost", rows[0]["naam"]);
        Assert.Equal(1.9, Convert.ToDouble(rows[0]["opbrengst per euro"], System.Globalization.CultureInfo.InvariantCulture), 2);
        Assert.NotNull(rows[0]["opbrengst per euro P10"]);
        Assert.Contains("Het referentieproject 'bestaat-niet' bestaat niet", (string)rows[1]["fout"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_draws_value_is_refused_before_anything_is_read()
    {
        var input = folder.File("p.csv", Header + "Goed;budgetcoaching;80;90000\n");

        var result = Cli.Run("batch", input, "--draws", "veel");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--draws:", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder.Path, "p-resultaten.csv")));
    }

    [Fact]
    public void The_help_lists_the_exit_codes_in_Dutch_and_with_lang_en_in_English()
    {
        var dutch = Cli.Run("batch", "--help");
        var english = Cli.Run("batch", "--help", "--lang", "en");

        Assert.Equal([0, 0], new[] { dutch.ExitCode, english.ExitCode });
        Assert.Contains("Afsluitcodes: 0 elke regel berekend; 3 sommige regels hebben fouten", dutch.Output, StringComparison.Ordinal);
        Assert.Contains("2 het bestand is niet te gebruiken", dutch.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 every row computed; 3 some rows have errors", english.Output, StringComparison.Ordinal);
        Assert.Contains("1 unexpected failure", english.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_over_the_limit_part_way_gives_exit_code_2_naming_the_limit_and_writes_nothing()
    {
        var input = folder.File("p.csv", Header + "Goed;budgetcoaching;80;90000\n" + new string('x', 20_000) + ";budgetcoaching;80;90000\n");

        var result = Cli.Run("batch", input);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("hooguit 10000 tekens per cel", result.Error, StringComparison.Ordinal);
        Assert.Equal(["p.csv"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_header_line_over_the_line_limit_gives_exit_code_2_naming_the_limit()
    {
        var input = folder.File("p.csv", new string(';', 2 * 1024 * 1024) + "\n");

        var result = Cli.Run("batch", input, "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("at most 1048576 characters per line", result.Error, StringComparison.Ordinal);
    }
}

public sealed class BatchProgressTests
{
    [Fact]
    public void In_a_terminal_the_batch_shows_a_progress_bar_with_the_rows_done()
    {
        var console = new TestConsole().Interactive();
        using var input = new MemoryStream(new byte[1000]);
        var f = new Impactkaart.Reports.Formats(Engine.Language.Nl);

        var summary = BatchCommand.WithProgress(console, input, f, progress =>
        {
            for (var row = 1; row <= 1000; row++)
            {
                input.Position = row;
                progress!(row);
            }
            return new Reports.Batch.BatchSummary(1000, []);
        });

        Assert.Equal(1000, summary.Computed);
        Assert.Contains("Berekenen (1.000 regels)", console.Output, StringComparison.Ordinal);
    }
}
