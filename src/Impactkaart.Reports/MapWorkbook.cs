using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Contract;
using Impactkaart.Engine.Model;
using MiniExcelLibs;

namespace Impactkaart.Reports;

/// <summary>
/// The whole map as an Excel workbook, one sheet per view: inputs, results, per year, per outcome, per payer, per
/// domain, labour, the calculation trail (when the map was computed with it) and the sources. Numbers are numbers;
/// every text that Excel could read as a formula is guarded.
/// </summary>
public static class MapWorkbook
{
    /// <summary>The character put before a text that starts like a formula (= + - @ tab CR LF), so Excel shows it instead of evaluating it.</summary>
    public const char FormulaGuard = '\'';

    public static byte[] Render(ImpactModel model, ImpactMap map, Language language)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(map);
        var f = new Formats(language);
        var sheets = new Dictionary<string, object>
        {
            [f[WorkbookTexts.InputsSheet]] = Inputs(model, map, f),
            [f[WorkbookTexts.ResultsSheet]] = Results(model, map, f),
            [f[WorkbookTexts.PerYearSheet]] = PerYear(map, f),
            [f[WorkbookTexts.PerOutcomeSheet]] = PerOutcome(model, map, f),
            [f[WorkbookTexts.PerPayerSheet]] = PerPayer(map, f),
            [f[WorkbookTexts.PerDomainSheet]] = PerDomain(map, f),
            [f[WorkbookTexts.LabourSheet]] = Labour(model, map, f),
            [f[WorkbookTexts.TrailSheet]] = Trail(map, f),
            [f[WorkbookTexts.SourcesSheet]] = Sources(model, map, f),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    /// <summary>A text cell Excel will never evaluate: a leading = + - @ or control character gets the guard before it.</summary>
    public static string Guard(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' ? FormulaGuard + text : text;
    }

    private static List<Dictionary<string, object?>> Inputs(ImpactModel model, ImpactMap map, Formats f)
    {
        var input = map.Input;
        var project = input.ReferenceProject;
        var rows = new List<Dictionary<string, object?>>();
        void Add(Text field, object? value, string note = "") => rows.Add(Row(f, (WorkbookTexts.Field, f[field]), (WorkbookTexts.Value, value), (WorkbookTexts.Note, note)));
        Add(ReportTexts.ProjectName, input.Name ?? "");
        Add(ReportTexts.ReferenceProject, f[project.Label], project.Id);
        Add(WorkbookTexts.Theme, f[project.Theme.Label], project.Theme.Id);
        Add(ReportTexts.Start, input.Start?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "");
        Add(WorkbookTexts.Months, input.Months);
        Add(ReportTexts.Participants, input.Participants);
        Add(ReportTexts.Phase, f.Phase(input.Phase));
        Add(WorkbookTexts.DiscountRate, input.DiscountRate.Value, f[WorkbookTexts.FractionPerYear]);
        Add(WorkbookTexts.CostsTotal, input.Costs.Total.Euros, "EUR");
        if (input.Costs.HasCategories)
        {
            Add(Labels.CostStaff, input.Costs.Staff!.Value.Euros, "EUR");
            Add(Labels.CostVolunteers, input.Costs.Volunteers!.Value.Euros, "EUR");
            Add(Labels.CostMaterial, input.Costs.Material!.Value.Euros, "EUR");
            Add(Labels.CostOverhead, input.Costs.Overhead!.Value.Euros, "EUR");
        }
        if (input.OwnHours is { } own)
        {
            Add(WorkbookTexts.OwnHours, own.Value, f[model.OwnProfession.Label]);
        }
        foreach (var question in project.Questions)
        {
            var option = input.AnswerTo(question);
            rows.Add(Row(f, (WorkbookTexts.Field, $"{f[Labels.Question]}: {f[question.Label]} ({question.Id})"),
                (WorkbookTexts.Value, $"{f[option.Label]} ({option.Id})"),
                (WorkbookTexts.Note, $"{f[Labels.Multiplier]} {f.Number(option.Multiplier, 4)}")));
        }
        foreach (var (outcomeId, value) in input.Measured)
        {
            var outcome = project.Outcomes.FirstOrDefault(o => o.Id == outcomeId);
            rows.Add(Row(f, (WorkbookTexts.Field, $"{f[WorkbookTexts.Measured]}: {(outcome is null ? outcomeId : f[outcome.Label])}"),
                (WorkbookTexts.Value, value), (WorkbookTexts.Note, outcome is null ? "" : f[outcome.Unit.Label])));
        }
        return rows;
    }

    /// <summary>
    /// Warnings first (a reader must see them before any figure), then both views with the same rows: ratio, P10-P50-P90
    /// and the chance of exceeding 1; then what the map rests on and the other key figures.
    /// </summary>
    private static List<Dictionary<string, object?>> Results(ImpactModel model, ImpactMap map, Formats f)
    {
        var rows = new List<Dictionary<string, object?>>();
        void Add(string figure, object? value, string unit) => rows.Add(Row(f, (Labels.Figure, figure), (Labels.Value, value), (WorkbookTexts.Unit, unit)));
        foreach (var warning in map.Warnings)
        {
            Add(f[Labels.WarningHeading], f[warning.Message], warning.Code);
        }
        Add(f[WorkbookTexts.ModelVersion], map.ModelVersion, "");
        Add(f[WorkbookTexts.PriceYear], model.PriceYear, "");
        Add(f[Labels.CostsPv], Cents(map.Costs.Euros), "EUR");
        var u = map.Uncertainty;
        foreach (var (view, ratio) in new[] { (MapViews.Money(map, f), WorkbookTexts.RatioFinancial), (MapViews.Welfare(map, f), WorkbookTexts.RatioWelfare) })
        {
            Add(f.Format(ratio, view.Name), Ratio(view.Ratio?.Value), f[WorkbookTexts.EuroPerEuro]);
            Add(view.Name + ": " + f[WorkbookTexts.Meaning], view.Explanation, "");
            if (u is not null)
            {
                Add(f.Format(WorkbookTexts.RatioP10, view.Name), Ratio(view.P10?.Value), f[WorkbookTexts.EuroPerEuro]);
                Add(f.Format(WorkbookTexts.RatioP50, view.Name), Ratio(view.P50?.Value), f[WorkbookTexts.EuroPerEuro]);
                Add(f.Format(WorkbookTexts.RatioP90, view.Name), Ratio(view.P90?.Value), f[WorkbookTexts.EuroPerEuro]);
                Add(f.Format(WorkbookTexts.ChanceOf, view.Name), Math.Round(view.ChanceAboveOne!.Value.Value, 4), f[WorkbookTexts.Fraction] + " (" + f.Chance(view.ChanceAboveOne.Value.Value) + ")");
            }
        }
        Add(f[Labels.BenefitsFinancial], Cents(map.Benefits.Euros), "EUR");
        Add(f[WorkbookTexts.Transfers], Cents(MapViews.Transfers(map).Euros), "EUR");
        Add(f[Labels.BenefitsWelfare], Cents(map.WelfareBenefits.Euros), "EUR");
        Add(f[WorkbookTexts.WellbeingInWelfare], Cents(map.WellbeingBenefits.Euros), "EUR");
        Add(f[Labels.Npv], Cents(map.NetPresentValue.Euros), "EUR");
        Add(f[Labels.NpvWelfare], Cents(map.WelfareNetPresentValue.Euros), "EUR");
        if (u is not null)
        {
            Add(f[WorkbookTexts.NpvP10], Cents(u.NetPresentValueP10.Euros), "EUR");
            Add(f[WorkbookTexts.NpvP50], Cents(u.NetPresentValueP50.Euros), "EUR");
            Add(f[WorkbookTexts.NpvP90], Cents(u.NetPresentValueP90.Euros), "EUR");
            Add(f[WorkbookTexts.Draws], u.Draws, "");
            Add(f[WorkbookTexts.Seed], (decimal)u.Seed, "");
            Add(f[WorkbookTexts.WhyThisRange], f[u.Explanation], "");
        }
        Add(f[WorkbookTexts.CentralFigures], f[Labels.CentralAssumes] + " " + f[Labels.CentralAssumesWhy], "");
        Add(f[WorkbookTexts.AssumedShare], Math.Round(map.Evidence.AssumedShare.Value, 4), f[WorkbookTexts.Fraction] + (MapViews.AssumedShare(map, f) is { } a ? " · " + a : ""));
        Add(f[WorkbookTexts.CalibratedShare], Math.Round(map.Evidence.CalibratedShare.Value, 4), f[WorkbookTexts.Fraction]);
        foreach (var grade in map.Evidence.ByGrade)
        {
            Add(f.Format(WorkbookTexts.GradeShare, f.Evidence(model.Evidence, grade.Grade)), Math.Round(grade.Share.Value, 4), f[WorkbookTexts.Fraction]);
        }
        Add(f[Labels.Payback], map.Payback?.Value is { } p ? Math.Round(p, 2) : null, f[WorkbookTexts.YearsUnit]);
        Add(f[Labels.BenefitPerParticipant], Cents(map.BenefitPerParticipant.Euros), "EUR");
        Add(f[Labels.CostPerParticipant], Cents(map.Intensity.CostPerParticipant.Euros), "EUR");
        Add(f[WorkbookTexts.TypicalCost], Cents(map.Intensity.Typical.Euros), "EUR (" + f.MoneyWhole(map.Intensity.TypicalLow.Euros) + " - " + f.MoneyWhole(map.Intensity.TypicalHigh.Euros) + ")");
        Add(f[WorkbookTexts.IntensityFactor], Math.Round(map.Intensity.Factor, 4), f[WorkbookTexts.ShareOfEffect]);
        Add(f[Labels.BreakEvenParticipants], map.BreakEven.Participants, "");
        Add(f[Labels.BreakEvenEffect], Ratio(map.BreakEven.EffectShare?.Value), f[WorkbookTexts.ShareOfEffect]);
        return rows;
    }

    private static List<Dictionary<string, object?>> PerYear(ImpactMap map, Formats f) =>
        [.. map.PerYear.Select(y => Row(f, (Labels.Year, y.Year + 1), (Labels.DiscountFactor, Math.Round(y.DiscountFactor, 6)),
            (Labels.Costs, Cents(y.Costs.Euros)), (Labels.BenefitsFinancial, Cents(y.Benefits.Euros)), (Labels.BenefitsWelfare, Cents(y.WelfareBenefits.Euros))))];

    /// <summary>Per outcome its effect, both views' benefits, the wellbeing value apart, and its evidence: grade, what that rests on, calibrated or not.</summary>
    private static List<Dictionary<string, object?>> PerOutcome(ImpactModel model, ImpactMap map, Formats f) =>
        [.. map.ByOutcome.Select(o => Row(f, (Labels.Id, o.Outcome.Id), (Labels.Outcome, f[o.Outcome.Label]), (WorkbookTexts.Unit, f[o.Outcome.Unit.Label]),
            (Labels.NetEffect, Math.Round(o.NetEffectPerParticipant, 6)), (Labels.Multiplier, o.Multiplier), (WorkbookTexts.IntensityFactor, o.IntensityFactor),
            (WorkbookTexts.Measured, o.Measured ? f[WorkbookTexts.Yes] : f[WorkbookTexts.No]),
            (Labels.BenefitsFinancial, Cents(o.Benefits.Euros)), (Labels.BenefitsWelfare, Cents(o.WelfareBenefits.Euros)), (Labels.Wellbeing, Cents(o.WellbeingBenefits.Euros)),
            (Labels.Evidence, f.Evidence(model.Evidence, o.Outcome.Evidence)), (Labels.EvidenceBasisColumn, f.EvidenceBasis(model.Evidence, o.Outcome)),
            (WorkbookTexts.CalibratedColumn, MapViews.IsCalibrated(o) ? f[WorkbookTexts.Yes] : f[WorkbookTexts.No]),
            (WorkbookTexts.AbsenceProbability, o.AbsenceProbability)))];

    private static List<Dictionary<string, object?>> PerPayer(ImpactMap map, Formats f) =>
        [.. map.ByPayer.Select(p => Row(f, (Labels.Id, p.Payer.Id), (Labels.Payer, f[p.Payer.Label]), (Labels.BenefitsFinancial, Cents(p.Amount.Euros)),
            (Labels.OfWhichTransfers, Cents(p.Transfers.Euros)), (Labels.WithoutTransfers, Cents(p.Amount.Euros - p.Transfers.Euros))))];

    private static List<Dictionary<string, object?>> PerDomain(ImpactMap map, Formats f) =>
        [.. map.ByDomain.Select(d => Row(f, (Labels.Id, d.Domain.Id), (Labels.Domain, f[d.Domain.Label]), (Labels.BenefitsFinancial, Cents(d.Amount.Euros))))];

    /// <summary>Hours per profession, then per sector, then the project's own hours: the "Kind" column tells them apart.</summary>
    private static List<Dictionary<string, object?>> Labour(ImpactModel model, ImpactMap map, Formats f)
    {
        Dictionary<string, object?> LabourRow(Text kind, string id, string label, string sector, decimal hours, decimal fte) =>
            Row(f, (Labels.KindColumn, f[kind]), (Labels.Id, id), (WorkbookTexts.Name, label), (Labels.Sector, sector),
                (Labels.Hours, Math.Round(hours, 1)), (Labels.Fte, Math.Round(fte, 3)));
        var rows = map.Labour.Select(l => LabourRow(Labels.Profession, l.Profession.Id, f[l.Profession.Label], f[l.Profession.Sector.Label], l.Hours.Value, l.Fte)).ToList();
        rows.AddRange(map.HoursBySector().Select(s => LabourRow(Labels.Sector, s.Sector.Id, f[s.Sector.Label], f[s.Sector.Label], s.Hours.Value, s.Fte)));
        if (map.OwnHours is { } own)
        {
            rows.Add(LabourRow(own.Estimated ? WorkbookTexts.OwnHoursEstimated : WorkbookTexts.OwnHours, model.OwnProfession.Id, f[model.OwnProfession.Label],
                f[model.OwnProfession.Sector.Label], own.Hours.Value, own.Fte));
        }
        return rows;
    }

    private static List<Dictionary<string, object?>> Trail(ImpactMap map, Formats f) =>
        [.. map.Trail.Select(t => Row(f,
            (Labels.Year, t.Year + 1),
            (Labels.Outcome, t.Outcome is { } o ? f[o.Label] : f[Labels.Costs]),
            (WorkbookTexts.PriceItem, t.Price is { } p ? f[p.Label] : ""),
            (Labels.Payer, t.Price is { } q ? f[q.Payer.Label] : ""),
            (Labels.KindColumn, t.Price is { } k ? f.Kind(k.Kind) : f[WorkbookTexts.CostKind]),
            (WorkbookTexts.Quantity, Math.Round(t.Quantity, 6)),
            (WorkbookTexts.UnitPrice, Cents(t.UnitPrice.Euros)),
            (Labels.DiscountFactor, Math.Round(t.DiscountFactor, 6)),
            (Labels.Amount, Math.Round(t.Amount.Euros, 6)),
            (WorkbookTexts.Working, MapContract.Working(t, f.Language)),
            (WorkbookTexts.SourceIds, string.Join(", ", t.Sources.Select(s => s.Id)))))];

    private static List<Dictionary<string, object?>> Sources(ImpactModel model, ImpactMap map, Formats f) =>
        [.. MapSources.For(model, map).Select(s => Row(f, (Labels.Id, s.Id), (Labels.Citation, s.Citation), (Labels.Year, s.Year),
            (WorkbookTexts.Url, s.Url ?? ""), (Labels.Reliability, f.Reliability(s.Reliability))))];

    /// <summary>One row: headers in the reader's language; every text cell guarded, numbers left as numbers.</summary>
    private static Dictionary<string, object?> Row(Formats f, params (Text Header, object? Value)[] cells)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (header, value) in cells)
        {
            row[f[header]] = value is string text ? Guard(text) : value;
        }
        return row;
    }

    private static decimal Cents(decimal euros) => Math.Round(euros, 2, MidpointRounding.AwayFromZero);

    private static decimal? Ratio(decimal? value) => value is { } v ? Math.Round(v, 4, MidpointRounding.AwayFromZero) : null;
}

/// <summary>Column headers and sheet names of the workbook. Sheet names stay within Excel's 31 characters and allowed characters.</summary>
internal static class WorkbookTexts
{
    public static readonly Text InputsSheet = new("Invoer", "Inputs");
    public static readonly Text ResultsSheet = new("Resultaten", "Results");
    public static readonly Text PerYearSheet = new("Per jaar", "By year");
    public static readonly Text PerOutcomeSheet = new("Per uitkomst", "By outcome");
    public static readonly Text PerPayerSheet = new("Per partij", "By payer");
    public static readonly Text PerDomainSheet = new("Per domein", "By domain");
    public static readonly Text LabourSheet = new("Arbeid", "Labour");
    public static readonly Text TrailSheet = new("Rekenspoor", "Trail");
    public static readonly Text SourcesSheet = new("Bronnen", "Sources");

    public static readonly Text Field = new("Veld", "Field");
    public static readonly Text Value = new("Waarde", "Value");
    public static readonly Text Note = new("Toelichting", "Note");
    public static readonly Text Unit = new("Eenheid", "Unit");
    public static readonly Text Name = new("Naam", "Name");
    public static readonly Text Theme = new("Thema", "Theme");
    public static readonly Text Months = new("Looptijd (maanden)", "Duration (months)");
    public static readonly Text DiscountRate = new("Discontovoet", "Discount rate");
    public static readonly Text FractionPerYear = new("fractie per jaar (reëel)", "fraction a year (real)");
    public static readonly Text Fraction = new("fractie", "fraction");
    public static readonly Text CostsTotal = new("Kosten (totaal)", "Costs (total)");
    public static readonly Text OwnHours = new("Eigen uren", "Own hours");
    public static readonly Text OwnHoursEstimated = new("Eigen uren (geschat)", "Own hours (estimated)");
    public static readonly Text Measured = new("Gemeten", "Measured");
    public static readonly Text Yes = new("ja", "yes");
    public static readonly Text No = new("nee", "no");
    public static readonly Text ModelVersion = new("Modelversie", "Model version");
    public static readonly Text PriceYear = new("Prijspeil", "Price year");
    public static readonly Text RatioFinancial = new("{0}: per geïnvesteerde euro (met uitkeringen en andere overdrachten)", "{0}: per euro invested (benefit payments and other transfers included)");
    public static readonly Text RatioWelfare = new("{0}: per geïnvesteerde euro (met welzijnswaarde, zonder overdrachten)", "{0}: per euro invested (wellbeing included, transfers left out)");
    public static readonly Text Meaning = new("wat telt mee", "what counts");
    public static readonly Text WithoutTransfers = new("zonder overdrachten zoals uitkeringen", "without transfers such as benefit payments");
    public static readonly Text EuroPerEuro = new("euro per euro", "euro per euro");
    public static readonly Text YearsUnit = new("jaar", "years");
    public static readonly Text ShareOfEffect = new("aandeel van het effect", "share of the effect");
    public static readonly Text Draws = new("Trekkingen", "Draws");
    public static readonly Text Seed = new("Seed", "Seed");
    public static readonly Text RatioP10 = new("{0}: P10 (1 op de 10 uitkomsten lager)", "{0}: P10 (1 in 10 outcomes lower)");
    public static readonly Text RatioP50 = new("{0}: P50 (middelste uitkomst)", "{0}: P50 (middle outcome)");
    public static readonly Text RatioP90 = new("{0}: P90 (1 op de 10 uitkomsten hoger)", "{0}: P90 (1 in 10 outcomes higher)");
    public static readonly Text ChanceOf = new("{0}: kans dat de baten de kosten overtreffen", "{0}: chance that benefits exceed costs");
    public static readonly Text NpvP10 = new("Netto contante waarde in geld P10", "Net present value in money P10");
    public static readonly Text NpvP50 = new("Netto contante waarde in geld P50", "Net present value in money P50");
    public static readonly Text NpvP90 = new("Netto contante waarde in geld P90", "Net present value in money P90");
    public static readonly Text Transfers = new("Waarvan uitkeringen en andere overdrachten (alleen in de opbrengst in geld)", "Of which benefit payments and other transfers (only in money returned)");
    public static readonly Text WellbeingInWelfare = new("Welzijnswaarde (alleen in de maatschappelijke waarde)", "Wellbeing value (only in value to society)");
    public static readonly Text WhyThisRange = new("Waarom de bandbreedte zo is", "Why the range is what it is");
    public static readonly Text CentralFigures = new("Wat de middengetallen aannemen", "What the central figures assume");
    public static readonly Text AssumedShare = new("Aandeel van de baten dat op aannames rust", "Share of benefits resting on assumptions");
    public static readonly Text CalibratedShare = new("Aandeel van de baten afgestemd op het voorbeeld van de sector", "Share of benefits calibrated to the sector's example");
    public static readonly Text GradeShare = new("Aandeel van de baten met bewijs '{0}'", "Share of benefits with evidence '{0}'");
    public static readonly Text TypicalCost = new("Gebruikelijke kosten per deelnemer (referentieproject)", "Usual cost per participant (reference project)");
    public static readonly Text IntensityFactor = new("Deel van de effecten dat geldt (intensiteit)", "Share of the effects that applies (intensity)");
    public static readonly Text CalibratedColumn = new("Afgestemd op het voorbeeld van de sector", "Calibrated to the sector's example");
    public static readonly Text AbsenceProbability = new("Kans dat het effect uitblijft (simulatie)", "Chance the effect is absent (simulation)");
    public static readonly Text PriceItem = new("Prijspost", "Price item");
    public static readonly Text CostKind = new("kosten", "cost");
    public static readonly Text Quantity = new("Hoeveelheid", "Quantity");
    public static readonly Text UnitPrice = new("Eenheidsprijs", "Unit price");
    public static readonly Text Working = new("Berekening", "Working");
    public static readonly Text SourceIds = new("Bronnen", "Sources");
    public static readonly Text Url = new("Url", "Url");
}
