using System.Text;
using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Reports.Batch;
using MiniExcelLibs;

namespace Impactkaart.Reports.Tests;

public sealed class BatchWritingTests
{
    private const string File = "naam;referentieproject;deelnemers;kosten\n=1+1;budgetcoaching;80;90000\nFout;budgetcoaching;nul;90000\n";

    private static (BatchSummary Summary, byte[] Bytes) Run(BatchFormat output, Language language = Language.Nl, int draws = 0)
    {
        var source = BatchSource.Open(new MemoryStream(Encoding.UTF8.GetBytes(File)), BatchFormat.Csv);
        var computer = new BatchComputer(Maps.Model, new SimulationSettings(draws, SimulationSettings.DefaultSeed), source.Columns);
        using var stream = new MemoryStream();
        var summary = BatchRun.Execute(source, computer, stream, output, language);
        return (summary, stream.ToArray());
    }

    [Fact]
    public void Good_rows_are_computed_and_bad_rows_get_an_error_naming_the_column_in_Dutch()
    {
        var (summary, bytes) = Run(BatchFormat.Csv);
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(1, summary.Computed);
        Assert.Equal(3, Assert.Single(summary.BadRows).Line);
        Assert.StartsWith("regel;naam;referentieproject;opbrengst per euro;kosten;baten;", lines[0], StringComparison.Ordinal);
        var good = lines[1].Split(';');
        Assert.Equal("'=1+1", good[1]);
        Assert.Equal("1,9", good[3]);
        Assert.Equal("90000", good[4]);
        Assert.Equal("", good[^1]);
        Assert.Contains("deelnemers: Aantal deelnemers: 'nul' is geen heel getal", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_far_below_the_usual_cost_per_participant_carries_its_warning_and_every_row_its_share_of_assumptions()
    {
        // Budget coaching at 80 participants for 9,000 euro: 112.50 per participant against the usual 800 to 1,500.
        var file = "naam;referentieproject;deelnemers;kosten\nGoedkoop;budgetcoaching;80;9000\nGewoon;budgetcoaching;80;90000\n";
        var source = BatchSource.Open(new MemoryStream(Encoding.UTF8.GetBytes(file)), BatchFormat.Csv);
        var computer = new BatchComputer(Maps.Model, new SimulationSettings(200, SimulationSettings.DefaultSeed), source.Columns);
        using var stream = new MemoryStream();
        BatchRun.Execute(source, computer, stream, BatchFormat.Xlsx, Language.Nl);
        var rows = new MemoryStream(stream.ToArray()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Contains("ver onder wat voor Budgetcoaching gebruikelijk is", (string)rows[0]["waarschuwing"]!, StringComparison.Ordinal);
        Assert.Null(rows[1]["waarschuwing"]);
        var assumed = Convert.ToDouble(rows[1]["aandeel baten op aannames"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(assumed, 0.01, 1.0);
        var chance = Convert.ToDouble(rows[1]["kans opbrengst per euro boven 1"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(chance, 0.01, 0.99);
    }

    [Fact]
    public void English_csv_uses_commas_and_points_and_English_messages()
    {
        var (_, bytes) = Run(BatchFormat.Csv, Language.En);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Contains("line,name,reference project,return per euro,", text, StringComparison.Ordinal);
        Assert.Contains(",budgetcoaching,1.9,90000,", text, StringComparison.Ordinal);
        Assert.Contains("deelnemers: Number of participants", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Xlsx_results_read_back_with_numbers_as_numbers_and_guarded_text()
    {
        var (_, bytes) = Run(BatchFormat.Xlsx);
        var rows = new MemoryStream(bytes).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(2, rows.Count);
        Assert.Equal("'=1+1", rows[0]["naam"]);
        Assert.Equal(1.9, Convert.ToDouble(rows[0]["opbrengst per euro"], System.Globalization.CultureInfo.InvariantCulture), 2);
        Assert.Null(rows[0]["fout"]);
        Assert.Contains("deelnemers", (string)rows[1]["fout"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void With_draws_the_P10_and_P90_columns_are_filled()
    {
        var (_, bytes) = Run(BatchFormat.Xlsx, draws: 200);
        var row = new MemoryStream(bytes).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().First();

        var p10 = Convert.ToDouble(row["opbrengst per euro P10"], System.Globalization.CultureInfo.InvariantCulture);
        var p90 = Convert.ToDouble(row["opbrengst per euro P90"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(p10 < 1.9 && 1.9 < p90, $"P10 {p10}, P90 {p90}");
    }

    [Fact]
    public void Error_report_has_one_line_per_problem()
    {
        var (summary, _) = Run(BatchFormat.Csv);
        using var stream = new MemoryStream();

        BatchWriter.WriteErrors(summary.BadRows, stream, BatchFormat.Csv, Language.Nl);

        var lines = Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("regel;naam;kolom;melding", lines[0]);
        Assert.StartsWith("3;Fout;deelnemers;", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void An_atomic_write_that_fails_leaves_no_file_behind()
    {
        var folder = Directory.CreateTempSubdirectory("impactkaart-batch-");
        var path = Path.Combine(folder.FullName, "uit.csv");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.WriteByte(1);
            throw new IOException("disk full");
        }));

        Assert.Empty(folder.GetFiles());
        folder.Delete(recursive: true);
    }
}
