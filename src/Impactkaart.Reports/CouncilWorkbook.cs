using System.Globalization;
using Impactkaart.Engine;
using Impactkaart.Reports.Xlsx;

namespace Impactkaart.Reports;

/// <summary>
/// The council report as an Excel workbook, the same figures as its PDF, a sheet per part: totals (with the range),
/// projects (with a totals row), payers (the municipality first), sectors, agreements, qualitative effects, and the
/// method and sources. Figures are numbers (euros, hours), never formatted text, so an analyst can recompute them;
/// every text is guarded against being read as a formula.
/// </summary>
public static class CouncilWorkbook
{
    public static byte[] Render(CouncilReport report, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        var f = new Formats(language);
        return SpreadsheetWriter.Write([Totals(report, f), Projects(report, f), Payers(report, f), Sectors(report, f),
            Agreements(report, f), Qualitative(report, f), Sources(report, f)], []);
    }

    private static Sheet Totals(CouncilReport r, Formats f)
    {
        var sheet = new Sheet(f[CouncilTexts.TotalsSheet]) { FrozenRows = 1 };
        sheet.Add(Header(f, CouncilTexts.What), Header(f, CouncilTexts.Value));
        void Row(Text what, Cell? value) => sheet.Add(Text(f[what]), value);
        Row(CouncilTexts.Funder, Text(r.Funder));
        Row(CouncilTexts.Selection, Text(r.Scheme is { } scheme ? f.Format(CouncilTexts.SchemeLine, scheme) : f[CouncilTexts.WholePortfolio]));
        Row(CouncilTexts.Date, Text(r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Row(CouncilTexts.ProjectCount, Number(r.ProjectCount, NumberFormat.Integer));
        Row(CouncilTexts.ProviderCount, Number(r.ProviderCount, NumberFormat.Integer));
        Row(CouncilTexts.ParticipantsColumn, Number(r.Participants, NumberFormat.Integer));
        Row(CouncilTexts.InvestedEuro, Money(r.Invested));
        Row(CouncilTexts.BenefitsMoney, Money(r.Benefits));
        Row(CouncilTexts.NpvMoney, Money(r.NetPresentValue));
        Row(CouncilTexts.RatioMoney, Ratio(r.Ratio));
        Range(sheet, f, r.Headline, "");
        Row(CouncilTexts.BenefitsWelfare, Money(r.WelfareBenefits));
        Row(CouncilTexts.NpvWelfare, Money(r.WelfareNetPresentValue));
        Row(CouncilTexts.RatioWelfare, Ratio(r.WelfareRatio));
        Range(sheet, f, r.Welfare, f[CouncilTexts.WelfarePrefix]);
        Row(CouncilTexts.HoursSavedRow, new NumberCell(Math.Round(r.HoursSaved, 1), new CellStyle(NumberFormat.Integer)));
        Row(CouncilTexts.FteSavedRow, new NumberCell(Math.Round(r.FteSaved, 2), new CellStyle(NumberFormat.Fraction)));
        return sheet;
    }

    private static void Range(Sheet sheet, Formats f, CouncilRange? range, string prefix)
    {
        if (range is null)
        {
            sheet.Add(Text(prefix + f[CouncilTexts.NoRange]));
            return;
        }
        sheet.Add(Text(prefix + f[CouncilTexts.P10]), Money(range.P10));
        sheet.Add(Text(prefix + f[CouncilTexts.P50]), Money(range.P50));
        sheet.Add(Text(prefix + f[CouncilTexts.P90]), Money(range.P90));
        sheet.Add(Text(prefix + f[CouncilTexts.Chance]), new NumberCell((double)range.ChancePositive, new CellStyle(NumberFormat.Percent)));
    }

    private static Sheet Projects(CouncilReport r, Formats f)
    {
        var sheet = new Sheet(f[CouncilTexts.ProjectsSheet]) { FrozenRows = 1 };
        sheet.Add(Header(f, CouncilTexts.ProviderColumn), Header(f, CouncilTexts.ProjectColumn), Header(f, CouncilTexts.ReferenceColumn),
            Header(f, CouncilTexts.SchemeColumn), Header(f, CouncilTexts.NeighbourhoodsColumn), Header(f, CouncilTexts.YearColumn),
            Header(f, CouncilTexts.PhaseColumn), Header(f, CouncilTexts.ParticipantsColumn), Header(f, CouncilTexts.InvestedEuro),
            Header(f, CouncilTexts.BenefitsEuro), Header(f, CouncilTexts.RatioMoney), Header(f, CouncilTexts.HoursSavedRow));
        foreach (var p in r.Projects)
        {
            sheet.Add(Text(p.Provider), Text(p.Name), Text(f[p.ReferenceProject]), Text(p.Scheme), Text(p.Neighbourhoods),
                p.StartYear > 0 ? Number(p.StartYear, NumberFormat.General) : null, Text(f.Phase(p.Phase)), Number(p.Participants, NumberFormat.Integer),
                Money(p.Invested), Money(p.Benefits), Ratio(p.Ratio), new NumberCell(Math.Round(p.HoursSaved, 1), new CellStyle(NumberFormat.Integer)));
        }
        sheet.Add(new TextCell(f[CouncilTexts.Total], CellStyle.Heading), null, null, null, null, null, null, Number(r.Participants, NumberFormat.Integer),
            Money(r.Invested), Money(r.Benefits), Ratio(r.Ratio), new NumberCell(Math.Round(r.HoursSaved, 1), new CellStyle(NumberFormat.Integer)));
        return sheet;
    }

    private static Sheet Payers(CouncilReport r, Formats f)
    {
        var sheet = new Sheet(f[CouncilTexts.PayersSheet]) { FrozenRows = 1 };
        sheet.Add(Header(f, CouncilTexts.Payer), Header(f, CouncilTexts.BenefitsEuro), Header(f, CouncilTexts.TransfersEuro));
        foreach (var p in r.Payers)
        {
            sheet.Add(Text(f[p.Label]), Money(p.Amount), Money(p.Transfers));
        }
        return sheet;
    }

    private static Sheet Sectors(CouncilReport r, Formats f)
    {
        var sheet = new Sheet(f[CouncilTexts.SectorsSheet]) { FrozenRows = 1 };
        sheet.Add(Header(f, CouncilTexts.Sector), Header(f, CouncilTexts.Hours), Header(f, CouncilTexts.Fte));
        foreach (var s in r.Sectors)
        {
            sheet.Add(Text(f[s.Label]), new NumberCell(Math.Round(s.Hours, 1), new CellStyle(NumberFormat.Integer)),
                new NumberCell(Math.Round(s.Fte, 2), new CellStyle(NumberFormat.Fraction)));
        }
        return sheet;
    }

    private static Sheet Agreements(CouncilReport r, Formats f)
    {
        var sheet = new Sheet(f[CouncilTexts.AgreementsSheet]) { FrozenRows = 1 };
        sheet.Add(Header(f, CouncilTexts.ProviderColumn), Header(f, CouncilTexts.ProjectColumn), Header(f, CouncilTexts.AgreementColumn),
            Header(f, CouncilTexts.TargetColumn), Header(f, CouncilTexts.PlanColumn), Header(f, CouncilTexts.DueColumn), Header(f, CouncilTexts.AchievedColumn),
            Header(f, CouncilTexts.DifferenceColumn), Header(f, CouncilTexts.StoryColumn));
        foreach (var a in r.Agreements)
        {
            sheet.Add(Text(a.Provider), Text(a.Project), Text(f[a.Label]), new NumberCell(a.Target, CellStyle.Plain),
                a.Planned is { } planned ? new NumberCell(planned, CellStyle.Plain) : Text("—"),
                Text(a.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                a.Achieved is { } achieved ? new NumberCell(achieved, CellStyle.Plain) : Text(f[CouncilTexts.NotYet]), Text(f[a.Difference]), Text(a.Story));
        }
        if (r.Agreements.Count == 0)
        {
            sheet.AddNote(Text(f[CouncilTexts.NoAgreements]));
        }
        return sheet;
    }

    private static Sheet Qualitative(CouncilReport r, Formats f)
    {
        var sheet = new Sheet(f[CouncilTexts.QualitativeSheet]) { FrozenRows = 1 };
        sheet.Add(Header(f, CouncilTexts.ReferenceColumn), Header(f, CouncilTexts.Effect));
        foreach (var q in r.Qualitative)
        {
            foreach (var effect in q.Effects)
            {
                sheet.Add(Text(f[q.ReferenceProject]), Text(f[effect]));
            }
        }
        return sheet;
    }

    private static Sheet Sources(CouncilReport r, Formats f)
    {
        var sheet = new Sheet(f[CouncilTexts.SourcesSheet]);
        sheet.AddNote(new TextCell(f[CouncilTexts.MethodHeading], CellStyle.Heading));
        foreach (var line in f.Format(CouncilTexts.MethodLines, f.Number(r.Draws, 0)).Split('|'))
        {
            sheet.AddNote(Text(line));
        }
        sheet.Add();
        sheet.Add(Header(f, CouncilTexts.Citation), Header(f, CouncilTexts.Year), Header(f, CouncilTexts.Reliability), Header(f, CouncilTexts.Address));
        foreach (var s in r.Sources)
        {
            sheet.Add(Text(s.Citation), Number(s.Year, NumberFormat.General), Text(f.Reliability(s.Reliability)), Text(s.Url ?? ""));
        }
        return sheet;
    }

    private static TextCell Text(string text) => new(MapWorkbook.Guard(text), CellStyle.Plain);

    private static TextCell Header(Formats f, Text text) => new(MapWorkbook.Guard(f[text]), CellStyle.Header);

    private static NumberCell Number(decimal value, NumberFormat format) => new((double)value, new CellStyle(format));

    private static NumberCell Money(decimal euros) => new((double)Math.Round(euros, 2, MidpointRounding.AwayFromZero), new CellStyle(NumberFormat.Money));

    private static Cell Ratio(decimal? ratio) => ratio is { } value
        ? new NumberCell((double)Math.Round(value, 4, MidpointRounding.AwayFromZero), new CellStyle(NumberFormat.Ratio))
        : new TextCell("", CellStyle.Plain);
}
