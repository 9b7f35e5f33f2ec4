using System.Text;
using Impactkaart.Engine.Calculation;
using Impactkaart.Reports.Batch;
using Impactkaart.Tests;

namespace Impactkaart.Reports.Tests;

/// <summary>A batch row carries every field of the table that has a column, under its Dutch or its English name.</summary>
public sealed class BatchFieldTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_row_reads_back_every_field_of_the_table_by_its_column(bool english)
    {
        var request = FieldExamples.EveryField();
        var cells = new List<(string Header, string Value)>();
        foreach (var field in ProjectFields.All.Where(f => f.Batch is not null))
        {
            var name = english ? field.Batch!.English : field.Batch!.Dutch;
            cells.AddRange(field.IsList
                ? request.ListOf(field).Select(v => (name + v.Key, v.Value!))
                : [(name, request[field]!)]);
        }
        var csv = string.Join(';', cells.Select(c => c.Header)) + "\n" + string.Join(';', cells.Select(c => c.Value)) + "\n";

        var source = BatchSource.Open(new MemoryStream(Encoding.UTF8.GetBytes(csv)), BatchFormat.Csv);
        var row = Assert.Single(source.Rows());

        Assert.True(source.IsUsable);
        Assert.Empty(source.Ignored);
        Assert.Empty(FieldExamples.Differences(request, row.Request, f => f.Batch is not null));
    }

    [Fact]
    public void A_message_names_the_column_the_file_used()
    {
        var (columns, _, _) = BatchColumns.Map(["referenceProject", "participants", "discountRate", "kosten", "answers.intensiteit"]);

        Assert.Equal("discountRate", BatchColumns.HeaderFor("discountRate", columns));
        Assert.Equal("answers.intensiteit", BatchColumns.HeaderFor("answers.intensiteit", columns));
        Assert.Equal("m.x", BatchColumns.HeaderFor("measured.x", columns));
        Assert.Equal("kosten", BatchColumns.HeaderFor("costs", columns));
    }
}
