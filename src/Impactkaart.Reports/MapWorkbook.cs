using System.Globalization;
using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;
using Impactkaart.Reports.Xlsx;
using static Impactkaart.Reports.Xlsx.SpreadsheetWriter;

namespace Impactkaart.Reports;

/// <summary>
/// The whole map as an Excel workbook that computes: the inputs, answers, effects, corrections, prices and quantities
/// are cells (filled yellow), and the calculation trail, the totals per year, outcome, payer and domain, the costs,
/// benefits and both ratios are formulas over them, each with the engine's figure as its cached value. Changing an
/// input in a spreadsheet program moves the ratio exactly as the engine would. The simulated range, the warnings,
/// the evidence and the labour hours stay fixed values of the map as computed. Every text is a text cell, never a
/// formula, and texts that start like a formula are guarded.
/// </summary>
public static class MapWorkbook
{
    /// <summary>The character put before a text that starts like a formula (= + - @ tab CR LF), so Excel shows it instead of evaluating it.</summary>
    public const char FormulaGuard = '\'';

    public static byte[] Render(ImpactModel model, ImpactMap map, Language language)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(map);
        if (map.Trail.Count == 0)
        {
            // The trail's figures are the cached values of the trail's formulas: recompute them when the map was computed without.
            map = map with { Trail = ImpactCalculator.Compute(model, map.Input, SimulationSettings.None, withTrail: true).Trail };
        }
        return new Builder(model, map, new Formats(language)).Render();
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

    /// <summary>
    /// Lays the sheets out and writes their formulas. Sheets that others refer to are laid out first (inputs, prices,
    /// quantities, effects, trail), so every reference is known when a formula is written.
    /// </summary>
    private sealed class Builder
    {
        private readonly ImpactModel model;
        private readonly ImpactMap map;
        private readonly ProjectInput input;
        private readonly ReferenceProject project;
        private readonly Formats f;
        private readonly string inputsName, effectsName, pricesName, quantitiesName, trailName;
        private readonly List<Price> prices;
        private readonly List<(Outcome Outcome, PriceLink Link)> links;
        private readonly List<(string Name, string Reference)> names = [];
        private readonly Dictionary<string, string> questionCells = new(StringComparer.Ordinal);

        // Workbook-wide names of the scalar inputs, so that formulas read "Deelnemers" rather than "Invoer!$B$13".
        private readonly string months, participants, discountRate, costs, intensity;

        private int trailFirst, trailLast, typicalCostRow;

        public Builder(ImpactModel model, ImpactMap map, Formats f)
        {
            this.model = model;
            this.map = map;
            this.f = f;
            input = map.Input;
            project = input.ReferenceProject;
            inputsName = f[WorkbookTexts.InputsSheet];
            effectsName = f[WorkbookTexts.EffectsSheet];
            pricesName = f[WorkbookTexts.PricesSheet];
            quantitiesName = f[WorkbookTexts.QuantitiesSheet];
            trailName = f[WorkbookTexts.TrailSheet];
            prices = [.. project.Outcomes.SelectMany(o => o.Prices).Select(l => l.Price).DistinctBy(p => p.Id)];
            links = [.. project.Outcomes.SelectMany(o => o.Prices.Select(l => (o, l)))];
            var english = f.Language == Language.En;
            months = english ? "Months" : "Looptijd";
            participants = english ? "Participants" : "Deelnemers";
            discountRate = english ? "DiscountRate" : "Discontovoet";
            costs = english ? "Costs" : "Kosten";
            intensity = english ? "Intensity" : "Intensiteit";
        }

        public byte[] Render()
        {
            var inputsSheet = Inputs();
            var pricesSheet = Prices();
            var quantitiesSheet = Quantities();
            var effectsSheet = Effects();
            var trailSheet = Trail();
            var perYearSheet = PerYear();
            var perOutcomeSheet = PerOutcome();
            var perPayerSheet = PerPayer();
            var perDomainSheet = PerDomain();
            var resultsSheet = Results();
            var sheets = new List<Sheet>
            {
                inputsSheet, resultsSheet, perYearSheet, perOutcomeSheet, perPayerSheet, perDomainSheet, Labour(), effectsSheet, pricesSheet, quantitiesSheet, trailSheet, Sources(),
            };
            return Write(sheets, names);
        }

        // ---- cells ----

        private static TextCell Text(string text, CellStyle style = default) => new(Guard(text), style);

        private TextCell Header(Text text) => new(Guard(f[text]), CellStyle.Header);

        private static NumberCell Number(decimal value, NumberFormat format = NumberFormat.General) => new((double)value, new CellStyle(format));

        private static NumberCell InputNumber(decimal value, NumberFormat format = NumberFormat.General) => new((double)value, new CellStyle(format, Input: true));

        private static FormulaCell Formula(string formula, decimal cached, NumberFormat format = NumberFormat.General) => new(formula, (double)cached, new CellStyle(format));

        private static FormulaCell Formula(string formula, decimal? cached, NumberFormat format) =>
            new(formula, cached is { } c ? (double)c : "", new CellStyle(format));

        private static FormulaCell TextFormula(string formula, string cached) => new(formula, cached, CellStyle.Plain);

        private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

        private void Name(string name, string sheet, int column, int row) => names.Add((name, Reference(sheet, column, row)));

        // ---- Invoer / Inputs ----

        // Every input's value is in column B, beside its name.
        private const int ValueColumn = 1;

        private Sheet Inputs()
        {
            var sheet = new Sheet(inputsName);
            sheet.AddNote(Text(f[WorkbookTexts.HowTitle], CellStyle.Heading));
            foreach (var line in WorkbookTexts.HowLines)
            {
                sheet.AddNote(Text(f.Format(line, inputsName, effectsName, pricesName, quantitiesName, trailName, f[WorkbookTexts.ResultsSheet])));
            }
            sheet.Add();
            sheet.Add(Header(WorkbookTexts.Field), Header(WorkbookTexts.Value), Header(WorkbookTexts.Note));
            int Add(string field, Cell? value, string note = "") => sheet.Add(Text(field), value, Text(note));

            Add(f[ReportTexts.ProjectName], Text(input.Name ?? ""));
            Add(f[ReportTexts.ReferenceProject], Text(f[project.Label]), project.Id);
            Add(f[WorkbookTexts.Theme], Text(f[project.Theme.Label]), project.Theme.Id);
            Add(f[ReportTexts.Start], Text(input.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""));
            var costYears = CostYears;
            var monthsRow = Add(f[WorkbookTexts.Months], InputNumber(input.Months, NumberFormat.Integer), f.Format(WorkbookTexts.MonthsNote, 12 * costYears));
            Name(months, inputsName, ValueColumn, monthsRow);
            sheet.Rules.Add(new WholeNumberRule(Address(ValueColumn, monthsRow), 1, 12 * costYears, f[WorkbookTexts.Months], f.Format(WorkbookTexts.MonthsRule, 12 * costYears)));
            var participantsRow = Add(f[ReportTexts.Participants], InputNumber(input.Participants, NumberFormat.Integer));
            Name(participants, inputsName, ValueColumn, participantsRow);
            sheet.Rules.Add(new WholeNumberRule(Address(ValueColumn, participantsRow), 1, ProjectRequestValidator.MaxParticipants, f[ReportTexts.Participants],
                f.Format(WorkbookTexts.ParticipantsRule, f.Number(ProjectRequestValidator.MaxParticipants, 0))));
            Add(f[ReportTexts.Phase], Text(f.Phase(input.Phase)));
            var rateRow = Add(f[WorkbookTexts.DiscountRate], InputNumber(input.DiscountRate.Value, NumberFormat.Percent), f[WorkbookTexts.PerYearReal]);
            Name(discountRate, inputsName, ValueColumn, rateRow);
            var total = input.Costs.Total.Euros;
            var totalRow = sheet.NextRow;
            if (input.Costs.HasCategories)
            {
                Add(f[WorkbookTexts.CostsTotal], Formula($"SUM({Address(ValueColumn, totalRow + 1)}:{Address(ValueColumn, totalRow + 4)})", total, NumberFormat.Money), f[WorkbookTexts.CostsSumNote]);
                Add(f[Labels.CostStaff], InputNumber(input.Costs.Staff!.Value.Euros, NumberFormat.Money), "€");
                Add(f[Labels.CostVolunteers], InputNumber(input.Costs.Volunteers!.Value.Euros, NumberFormat.Money), "€");
                Add(f[Labels.CostMaterial], InputNumber(input.Costs.Material!.Value.Euros, NumberFormat.Money), "€");
                Add(f[Labels.CostOverhead], InputNumber(input.Costs.Overhead!.Value.Euros, NumberFormat.Money), "€");
            }
            else
            {
                Add(f[WorkbookTexts.CostsTotal], InputNumber(total, NumberFormat.Money), "€");
            }
            Name(costs, inputsName, ValueColumn, totalRow);
            if (input.OwnHours is { } own)
            {
                Add(f[WorkbookTexts.OwnHours], Number(own.Value), f[model.OwnProfession.Label]);
            }

            // Intensity: how far the reference project's effects apply at this cost per participant (IntensityCheck).
            var typical = project.TypicalCostPerParticipant;
            var perParticipantRow = Add(f[Labels.CostPerParticipant], Formula($"{costs}/{participants}", map.Intensity.CostPerParticipant.Euros, NumberFormat.Money), "€");
            var typicalRow = typicalCostRow = Add(f[WorkbookTexts.TypicalCost], InputNumber(typical.Central, NumberFormat.Money),
                f.Format(WorkbookTexts.TypicalNote, f.AmountRange(typical.Low, typical.High)));
            var elasticityRow = Add(f[WorkbookTexts.Elasticity], InputNumber(model.Intensity.Elasticity.Central), f[WorkbookTexts.ElasticityNote]);
            var relative = $"{Address(ValueColumn, perParticipantRow)}/{Address(ValueColumn, typicalRow)}";
            var intensityRow = Add(f[WorkbookTexts.IntensityFactor],
                Formula($"IF({relative}>=1,1,IF({relative}<=0,0,ROUND(({relative})^{Address(ValueColumn, elasticityRow)},6)))", map.Intensity.Factor, NumberFormat.Fraction),
                f[WorkbookTexts.IntensityNote]);
            Name(intensity, inputsName, ValueColumn, intensityRow);

            foreach (var question in project.Questions)
            {
                var option = input.AnswerTo(question);
                var others = string.Join("; ", question.Options.Where(o => o.Id != option.Id).Select(o => $"{f[o.Label]} {f.Number(o.Multiplier, 4)}"));
                var appliesTo = question.AppliesTo.Count == 0
                    ? f[WorkbookTexts.AllOutcomes]
                    : string.Join(", ", question.AppliesTo.Select(id => project.Outcomes.FirstOrDefault(o => o.Id == id) is { } o ? f[o.Label] : id));
                var row = Add($"{f[Labels.Question]}: {f[question.Label]} ({question.Id})", InputNumber(option.Multiplier),
                    f.Format(WorkbookTexts.AnswerNote, $"{f[option.Label]} ({option.Id})", others, appliesTo));
                questionCells[question.Id] = Reference(inputsName, ValueColumn, row);
            }
            for (var j = 0; j < project.Outcomes.Count; j++)
            {
                var outcome = project.Outcomes[j];
                if (input.Measured.TryGetValue(outcome.Id, out var value))
                {
                    Add($"{f[WorkbookTexts.Measured]}: {f[outcome.Label]}", Formula(Reference(effectsName, EffectColumns.Measured, j + 2), value),
                        f.Format(WorkbookTexts.MeasuredNote, f[outcome.Unit.Label], effectsName));
                }
            }
            return sheet;
        }

        /// <summary>
        /// The trail's cost lines: one for each year the costs are spread over, and zero lines up to the map's last year of
        /// effects, so that the duration may be raised in the workbook up to twelve months a line.
        /// </summary>
        private int CostYears => Math.Max((input.Months + 11) / 12, map.PerYear.Count);

        // ---- Effecten / Effects: one row per outcome, then the groups of mutually exclusive outcomes ----

        private static class EffectColumns
        {
            public const int Id = 0, Label = 1, Unit = 2, Effect = 3, Answers = 4, Intensity = 5, Measured = 6, Gross = 7, Deadweight = 8,
                Attribution = 9, NetBeforeCap = 10, Group = 11, Cap = 12, Net = 13, DropOff = 14, StartsAfter = 15, Duration = 16, FirstYear = 17;
        }

        private int GroupRow(int groupIndex) => project.Outcomes.Count + 4 + groupIndex;

        private Sheet Effects()
        {
            var sheet = new Sheet(effectsName) { FrozenRows = 1 };
            sheet.Add(Header(Labels.Id), Header(Labels.Outcome), Header(WorkbookTexts.Unit), Header(WorkbookTexts.EffectReference), Header(WorkbookTexts.AnswersFactor),
                Header(WorkbookTexts.IntensityShort), Header(WorkbookTexts.MeasuredEffect), Header(WorkbookTexts.GrossEffect), Header(WorkbookTexts.Deadweight),
                Header(WorkbookTexts.Attribution), Header(WorkbookTexts.NetBeforeCap), Header(WorkbookTexts.Group), Header(WorkbookTexts.CapFactor), Header(Labels.NetEffect),
                Header(WorkbookTexts.DropOff), Header(WorkbookTexts.StartsAfter), Header(WorkbookTexts.Duration), Header(WorkbookTexts.FirstYear));
            var groups = project.ExclusiveGroups;
            for (var j = 0; j < project.Outcomes.Count; j++)
            {
                var outcome = project.Outcomes[j];
                var figures = map.ByOutcome[j];
                var row = j + 2;
                string At(int column) => Address(column, row);
                var applying = project.Questions.Where(q => q.AppliesTo.Count == 0 || q.AppliesTo.Contains(outcome.Id)).ToList();
                var answers = 1m;
                foreach (var question in applying)
                {
                    // As the engine: an unanswered question multiplies by 1, the reference answer's multiplier.
                    answers *= input.Answers.TryGetValue(question.Id, out var option) ? option.Multiplier : 1m;
                }
                var measured = input.Measured.TryGetValue(outcome.Id, out var m) ? m : (decimal?)null;
                var beforeCap = figures.GrossEffectPerParticipant * (1m - outcome.Deadweight.Central) * outcome.Attribution.Central;
                var groupIndex = Enumerable.Range(0, groups.Count).FirstOrDefault(g => groups[g].Outcomes.Contains(outcome.Id), -1);
                var first = (input.Months / 2 + outcome.StartsAfterMonths) / 12;
                sheet.Add(
                    Text(outcome.Id),
                    Text(f[outcome.Label]),
                    Text(f[outcome.Unit.Label]),
                    InputNumber(outcome.Effect.Central, NumberFormat.Fraction),
                    applying.Count == 0 ? Number(1m, NumberFormat.Ratio) : Formula(string.Join("*", applying.Select(q => questionCells[q.Id])), answers, NumberFormat.Ratio),
                    Formula(intensity, map.Intensity.Factor, NumberFormat.Fraction),
                    measured is { } value ? InputNumber(value, NumberFormat.Fraction) : new BlankCell(new CellStyle(NumberFormat.Fraction, Input: true)),
                    Formula($"IF(ISNUMBER({At(EffectColumns.Measured)}),{At(EffectColumns.Measured)},{At(EffectColumns.Effect)}*{At(EffectColumns.Answers)}*{At(EffectColumns.Intensity)})",
                        figures.GrossEffectPerParticipant, NumberFormat.Fraction),
                    InputNumber(outcome.Deadweight.Central, NumberFormat.Percent),
                    InputNumber(outcome.Attribution.Central, NumberFormat.Percent),
                    Formula($"{At(EffectColumns.Gross)}*(1-{At(EffectColumns.Deadweight)})*{At(EffectColumns.Attribution)}", beforeCap, NumberFormat.Fraction),
                    Text(groupIndex < 0 ? "" : groups[groupIndex].Id),
                    groupIndex < 0 ? Number(1m, NumberFormat.Fraction) : Formula(Address(4, GroupRow(groupIndex), absolute: true), figures.CapFactor, NumberFormat.Fraction),
                    Formula($"{At(EffectColumns.NetBeforeCap)}*{At(EffectColumns.Cap)}", figures.NetEffectPerParticipant, NumberFormat.Fraction),
                    InputNumber(outcome.DropOff.Central, NumberFormat.Percent),
                    Number(outcome.StartsAfterMonths, NumberFormat.Integer),
                    Number(outcome.DurationYears, NumberFormat.Integer),
                    Formula($"INT((INT({months}/2)+{At(EffectColumns.StartsAfter)})/12)+1", first + 1, NumberFormat.Integer));
            }
            if (groups.Count > 0)
            {
                sheet.Add();
                sheet.Add(Header(WorkbookTexts.Group), Header(WorkbookTexts.Description), Header(WorkbookTexts.Cap), Header(WorkbookTexts.GroupSum), Header(WorkbookTexts.CapFactor));
                for (var g = 0; g < groups.Count; g++)
                {
                    var group = groups[g];
                    var members = group.Outcomes.Select(id => project.Outcomes.Select((o, j) => (o, j)).First(x => x.o.Id == id).j).ToList();
                    var sum = members.Sum(j => map.ByOutcome[j].GrossEffectPerParticipant * (1m - project.Outcomes[j].Deadweight.Central) * project.Outcomes[j].Attribution.Central);
                    var cap = group.Cap.Central;
                    var row = sheet.Add(
                        Text(group.Id),
                        Text(f[group.Label]),
                        InputNumber(cap, NumberFormat.Fraction),
                        Formula(string.Join("+", members.Select(j => Address(EffectColumns.NetBeforeCap, j + 2))), sum, NumberFormat.Fraction),
                        Formula($"IF({Address(3, GroupRow(g))}>{Address(2, GroupRow(g))},{Address(2, GroupRow(g))}/{Address(3, GroupRow(g))},1)", sum > cap ? cap / sum : 1m, NumberFormat.Fraction));
                    if (row != GroupRow(g))
                    {
                        throw new InvalidOperationException("The groups' rows moved: the outcomes' cap formulas would point elsewhere.");
                    }
                }
            }
            return sheet;
        }

        // ---- Prijzen / Prices and Hoeveelheden / Quantities ----

        private const int PriceValueColumn = 3, QuantityColumn = 4;

        private int PriceRow(Price price) => prices.FindIndex(p => p.Id == price.Id) + 2;

        private string KindLabel(PriceKind kind) => f[kind switch
        {
            PriceKind.Transfer => Labels.KindTransfer,
            PriceKind.Wellbeing => WorkbookTexts.KindWellbeing,
            _ => Labels.KindResource,
        }];

        private Sheet Prices()
        {
            var sheet = new Sheet(pricesName) { FrozenRows = 1 };
            sheet.Add(Header(Labels.Id), Header(WorkbookTexts.PriceItem), Header(WorkbookTexts.Unit), new TextCell(f.Format(WorkbookTexts.PricePerUnit, model.PriceYear), CellStyle.Header),
                Header(Labels.Payer), Header(Labels.Domain), Header(Labels.KindColumn), Header(WorkbookTexts.InMoney), Header(WorkbookTexts.InWelfare), Header(WorkbookTexts.Basis));
            foreach (var price in prices)
            {
                sheet.Add(Text(price.Id), Text(f[price.Label]), Text(f[price.Unit.Label]), InputNumber(price.Value.Central, NumberFormat.Money),
                    Text(f[price.Payer.Label]), Text(f[price.Domain.Label]), Text(KindLabel(price.Kind)),
                    Number(price.Kind != PriceKind.Wellbeing ? 1m : 0m, NumberFormat.Integer), Number(price.Kind != PriceKind.Transfer ? 1m : 0m, NumberFormat.Integer),
                    Text(f.Basis(price.Value.Basis)));
            }
            return sheet;
        }

        private Sheet Quantities()
        {
            var sheet = new Sheet(quantitiesName) { FrozenRows = 1 };
            sheet.Add(Header(WorkbookTexts.OutcomeId), Header(Labels.Outcome), Header(WorkbookTexts.PriceItemId), Header(WorkbookTexts.PriceItem),
                Header(WorkbookTexts.QuantityPerUnit), Header(WorkbookTexts.Unit), Header(WorkbookTexts.Basis));
            foreach (var (outcome, link) in links)
            {
                sheet.Add(Text(outcome.Id), Text(f[outcome.Label]), Text(link.Price.Id), Text(f[link.Price.Label]), InputNumber(link.Quantity),
                    Text(f.Format(WorkbookTexts.UnitPer, f[link.Price.Unit.Label], f[outcome.Unit.Label])), Text(f.Basis(link.QuantityBasis)));
            }
            return sheet;
        }

        // ---- Rekenspoor / Trail: the engine's lines, each a product of cells ----

        private static class TrailColumns
        {
            public const int Year = 0, Outcome = 1, Price = 2, Payer = 3, Kind = 4, Net = 5, Participants = 6, Persistence = 7, QuantityPerUnit = 8,
                Quantity = 9, UnitPrice = 10, Discount = 11, Amount = 12, IsCost = 13, InMoney = 14, InWelfare = 15, Sources = 16, OutcomeId = 17,
                PriceId = 18, PayerId = 19, DomainId = 20;
        }

        private string TrailRange(int column) => ColumnRange(trailName, column, trailFirst, trailLast);

        private Sheet Trail()
        {
            var sheet = new Sheet(trailName) { FrozenRows = 1 };
            sheet.Add(Header(Labels.Year), Header(Labels.Outcome), Header(WorkbookTexts.PriceItem), Header(Labels.Payer), Header(Labels.KindColumn),
                Header(Labels.NetEffect), Header(ReportTexts.Participants), Header(WorkbookTexts.Persistence), Header(WorkbookTexts.QuantityPerUnit),
                Header(WorkbookTexts.Quantity), Header(WorkbookTexts.UnitPrice), Header(Labels.DiscountFactor), Header(Labels.Amount),
                Header(WorkbookTexts.IsCost), Header(WorkbookTexts.InMoney), Header(WorkbookTexts.InWelfare), Header(WorkbookTexts.SourceIds),
                Header(WorkbookTexts.OutcomeId), Header(WorkbookTexts.PriceItemId), Header(WorkbookTexts.PayerId), Header(WorkbookTexts.DomainId));
            var entries = map.Trail;
            var next = 0;
            string Discount(int row) => $"1/(1+{discountRate})^({Address(TrailColumns.Year, row)}-1)";
            string Product(int row, params int[] columns) => string.Join("*", columns.Select(c => Address(c, row)));

            // Costs: spread evenly over the months, one line per year, discounted; the engine's lines, then lines of no months.
            for (var y = 0; y < CostYears; y++)
            {
                var t = next < entries.Count && entries[next].Outcome is null
                    ? entries[next++]
                    : new TrailEntry(y, null, null, input.Participants, 0m, 1m, 0m, 1m, 1m, 1m, 0m, Money.FromEuros(input.Costs.Total.Euros / input.Months),
                        DiscountAt(y), Money.Zero, []);
                if (t.Year != y)
                {
                    throw new InvalidOperationException("The map's cost lines are not one a year from the first.");
                }
                var row = sheet.NextRow;
                var cells = new Cell?[TrailColumns.DomainId + 1];
                cells[TrailColumns.Year] = Number(t.Year + 1, NumberFormat.Integer);
                cells[TrailColumns.Outcome] = Text(f[Labels.Costs]);
                cells[TrailColumns.Kind] = Text(f[WorkbookTexts.CostKind]);
                cells[TrailColumns.Quantity] = Formula($"MAX(0,MIN(12,{months}-12*({Address(TrailColumns.Year, row)}-1)))", t.Quantity, NumberFormat.Integer);
                cells[TrailColumns.UnitPrice] = Formula($"{costs}/{months}", t.UnitPrice.Euros, NumberFormat.Money);
                cells[TrailColumns.Discount] = Formula(Discount(row), t.DiscountFactor, NumberFormat.Factor);
                cells[TrailColumns.Amount] = Formula(Product(row, TrailColumns.Quantity, TrailColumns.UnitPrice, TrailColumns.Discount), t.Amount.Euros, NumberFormat.Money);
                cells[TrailColumns.IsCost] = Number(1m, NumberFormat.Integer);
                cells[TrailColumns.InMoney] = Number(0m, NumberFormat.Integer);
                cells[TrailColumns.InWelfare] = Number(0m, NumberFormat.Integer);
                sheet.Add(cells);
            }

            // Benefits: per outcome, per year of its effect, per price item it moves (the engine's order).
            var linkRow = 2;
            for (var j = 0; j < project.Outcomes.Count; j++)
            {
                var outcome = project.Outcomes[j];
                var effectRow = j + 2;
                for (var k = 0; k < outcome.DurationYears; k++)
                {
                    for (var l = 0; l < outcome.Prices.Count; l++)
                    {
                        if (next >= entries.Count || !ReferenceEquals(entries[next].Outcome, outcome) || !ReferenceEquals(entries[next].Price, outcome.Prices[l].Price))
                        {
                            throw new InvalidOperationException("The map's trail does not follow its reference project's outcomes and price items.");
                        }
                        var t = entries[next++];
                        var link = outcome.Prices[l];
                        var price = link.Price;
                        var row = sheet.NextRow;
                        var firstYear = Reference(effectsName, EffectColumns.FirstYear, effectRow);
                        sheet.Add(
                            Formula(k == 0 ? firstYear : $"{firstYear}+{k}", t.Year + 1, NumberFormat.Integer),
                            Text(f[outcome.Label]),
                            Text(f[price.Label]),
                            Text(f[price.Payer.Label]),
                            Text(KindLabel(price.Kind)),
                            Formula(Reference(effectsName, EffectColumns.Net, effectRow), map.ByOutcome[j].NetEffectPerParticipant, NumberFormat.Fraction),
                            Formula(participants, t.Participants, NumberFormat.Integer),
                            Formula($"(1-{Reference(effectsName, EffectColumns.DropOff, effectRow)})^{k}", t.Persistence, NumberFormat.Fraction),
                            Formula(Reference(quantitiesName, QuantityColumn, linkRow + l), link.Quantity),
                            Formula(Product(row, TrailColumns.Net, TrailColumns.Participants, TrailColumns.Persistence, TrailColumns.QuantityPerUnit), t.Quantity, NumberFormat.Ratio),
                            Formula(Reference(pricesName, PriceValueColumn, PriceRow(price)), t.UnitPrice.Euros, NumberFormat.Money),
                            Formula(Discount(row), t.DiscountFactor, NumberFormat.Factor),
                            Formula(Product(row, TrailColumns.Quantity, TrailColumns.UnitPrice, TrailColumns.Discount), t.Amount.Euros, NumberFormat.Money),
                            Number(0m, NumberFormat.Integer),
                            Number(price.Kind != PriceKind.Wellbeing ? 1m : 0m, NumberFormat.Integer),
                            Number(price.Kind != PriceKind.Transfer ? 1m : 0m, NumberFormat.Integer),
                            Text(string.Join(", ", t.Sources.Select(s => s.Id))),
                            Text(outcome.Id),
                            Text(price.Id),
                            Text(price.Payer.Id),
                            Text(price.Domain.Id));
                    }
                }
                linkRow += outcome.Prices.Count;
            }
            if (next != entries.Count)
            {
                throw new InvalidOperationException("The map's trail has lines its reference project does not explain.");
            }
            trailFirst = 2;
            trailLast = Math.Max(2, sheet.Rows.Count);
            return sheet;
        }

        private string SumIfs(int sumColumn, params (int Column, string Criterion)[] criteria) =>
            $"SUMIFS({TrailRange(sumColumn)},{string.Join(",", criteria.Select(c => $"{TrailRange(c.Column)},{c.Criterion}"))})";

        // ---- Per jaar / By year ----

        /// <summary>
        /// Years 1 to the last year any line can fall in: the map's own span, or later when the months are raised within what
        /// the trail's cost lines allow (a longer project starts its effects later).
        /// </summary>
        private int YearsShown()
        {
            var longest = 12 * CostYears;
            var last = CostYears;
            foreach (var outcome in project.Outcomes)
            {
                last = Math.Max(last, (longest / 2 + outcome.StartsAfterMonths) / 12 + outcome.DurationYears);
            }
            return Math.Max(last, map.PerYear.Count);
        }

        private Sheet PerYear()
        {
            var sheet = new Sheet(f[WorkbookTexts.PerYearSheet]) { FrozenRows = 1 };
            sheet.Add(Header(Labels.Year), Header(Labels.DiscountFactor), Header(Labels.Costs), Header(Labels.BenefitsFinancial), Header(Labels.BenefitsWelfare));
            for (var y = 0; y < YearsShown(); y++)
            {
                var figures = y < map.PerYear.Count ? map.PerYear[y] : null;
                var row = sheet.NextRow;
                var year = Address(0, row);
                sheet.Add(
                    Number(y + 1, NumberFormat.Integer),
                    Formula($"1/(1+{discountRate})^({year}-1)", figures?.DiscountFactor ?? DiscountAt(y), NumberFormat.Factor),
                    Formula(SumIfs(TrailColumns.Amount, (TrailColumns.Year, year), (TrailColumns.IsCost, "1")), figures?.Costs.Euros ?? 0m, NumberFormat.Money),
                    Formula(SumIfs(TrailColumns.Amount, (TrailColumns.Year, year), (TrailColumns.InMoney, "1")), figures?.Benefits.Euros ?? 0m, NumberFormat.Money),
                    Formula(SumIfs(TrailColumns.Amount, (TrailColumns.Year, year), (TrailColumns.InWelfare, "1")), figures?.WelfareBenefits.Euros ?? 0m, NumberFormat.Money));
            }
            return sheet;
        }

        private decimal DiscountAt(int year)
        {
            var factor = 1m;
            for (var y = 0; y < year; y++)
            {
                factor /= 1m + input.DiscountRate.Value;
            }
            return factor;
        }

        // ---- Per uitkomst / By outcome ----

        private Sheet PerOutcome()
        {
            var sheet = new Sheet(f[WorkbookTexts.PerOutcomeSheet]) { FrozenRows = 1 };
            sheet.Add(Header(Labels.Id), Header(Labels.Outcome), Header(WorkbookTexts.Unit), Header(Labels.NetEffect), Header(Labels.Multiplier), Header(WorkbookTexts.IntensityFactor),
                Header(WorkbookTexts.Measured), Header(Labels.BenefitsFinancial), Header(Labels.BenefitsWelfare), Header(Labels.Wellbeing), Header(Labels.Evidence),
                Header(Labels.EvidenceBasisColumn), Header(WorkbookTexts.CalibratedColumn), Header(WorkbookTexts.AbsenceProbability));
            for (var j = 0; j < map.ByOutcome.Count; j++)
            {
                var o = map.ByOutcome[j];
                var row = sheet.NextRow;
                var id = Address(0, row);
                var measured = $"ISNUMBER({Reference(effectsName, EffectColumns.Measured, j + 2)})";
                sheet.Add(
                    Text(o.Outcome.Id),
                    Text(f[o.Outcome.Label]),
                    Text(f[o.Outcome.Unit.Label]),
                    Formula(Reference(effectsName, EffectColumns.Net, j + 2), o.NetEffectPerParticipant, NumberFormat.Fraction),
                    // A measured effect replaces the reference effect with its answers and intensity, so these show 1 for it, as in the engine.
                    Formula($"IF({measured},1,{Reference(effectsName, EffectColumns.Answers, j + 2)})", o.Multiplier, NumberFormat.Ratio),
                    Formula($"IF({measured},1,{Reference(effectsName, EffectColumns.Intensity, j + 2)})", o.IntensityFactor, NumberFormat.Fraction),
                    TextFormula($"IF({measured},{Quote(f[WorkbookTexts.Yes])},{Quote(f[WorkbookTexts.No])})", o.Measured ? f[WorkbookTexts.Yes] : f[WorkbookTexts.No]),
                    Formula(SumIfs(TrailColumns.Amount, (TrailColumns.OutcomeId, id), (TrailColumns.InMoney, "1")), o.Benefits.Euros, NumberFormat.Money),
                    Formula(SumIfs(TrailColumns.Amount, (TrailColumns.OutcomeId, id), (TrailColumns.InWelfare, "1")), o.WelfareBenefits.Euros, NumberFormat.Money),
                    Formula(SumIfs(TrailColumns.Amount, (TrailColumns.OutcomeId, id), (TrailColumns.InMoney, "0"), (TrailColumns.InWelfare, "1")), o.WellbeingBenefits.Euros, NumberFormat.Money),
                    Text(f.Evidence(model.Evidence, o.Outcome.Evidence)),
                    Text(f.EvidenceBasis(model.Evidence, o.Outcome)),
                    Text(MapViews.IsCalibrated(o) ? f[WorkbookTexts.Yes] : f[WorkbookTexts.No]),
                    Number(o.AbsenceProbability, NumberFormat.Fraction));
            }
            return sheet;
        }

        // ---- Per partij / By payer and Per domein / By domain ----

        private Sheet PerPayer()
        {
            var sheet = new Sheet(f[WorkbookTexts.PerPayerSheet]) { FrozenRows = 1 };
            sheet.Add(Header(Labels.Id), Header(Labels.Payer), Header(Labels.BenefitsFinancial), Header(Labels.OfWhichTransfers), Header(Labels.WithoutTransfers));
            // The map's payers, largest first; then any payer that gains nothing at these inputs but may after a change.
            var payers = map.ByPayer.Select(p => (p.Payer, p.Amount.Euros, Transfers: p.Transfers.Euros)).ToList();
            foreach (var payer in prices.Where(p => p.Kind != PriceKind.Wellbeing).Select(p => p.Payer).Distinct())
            {
                if (!payers.Any(p => ReferenceEquals(p.Payer, payer)))
                {
                    payers.Add((payer, 0m, 0m));
                }
            }
            foreach (var (payer, amount, transfers) in payers)
            {
                var row = sheet.NextRow;
                var id = Address(0, row);
                sheet.Add(
                    Text(payer.Id),
                    Text(f[payer.Label]),
                    Formula(SumIfs(TrailColumns.Amount, (TrailColumns.PayerId, id), (TrailColumns.InMoney, "1")), amount, NumberFormat.Money),
                    Formula(SumIfs(TrailColumns.Amount, (TrailColumns.PayerId, id), (TrailColumns.InMoney, "1"), (TrailColumns.InWelfare, "0")), transfers, NumberFormat.Money),
                    Formula($"{Address(2, row)}-{Address(3, row)}", amount - transfers, NumberFormat.Money));
            }
            return sheet;
        }

        private Sheet PerDomain()
        {
            var sheet = new Sheet(f[WorkbookTexts.PerDomainSheet]) { FrozenRows = 1 };
            sheet.Add(Header(Labels.Id), Header(Labels.Domain), Header(Labels.BenefitsFinancial));
            var domains = map.ByDomain.Select(d => (d.Domain, d.Amount.Euros)).ToList();
            foreach (var domain in prices.Where(p => p.Kind != PriceKind.Wellbeing).Select(p => p.Domain).Distinct())
            {
                if (!domains.Any(d => ReferenceEquals(d.Domain, domain)))
                {
                    domains.Add((domain, 0m));
                }
            }
            foreach (var (domain, amount) in domains)
            {
                var row = sheet.NextRow;
                sheet.Add(Text(domain.Id), Text(f[domain.Label]),
                    Formula(SumIfs(TrailColumns.Amount, (TrailColumns.DomainId, Address(0, row)), (TrailColumns.InMoney, "1")), amount, NumberFormat.Money));
            }
            return sheet;
        }

        // ---- Resultaten / Results ----

        /// <summary>
        /// Warnings first (a reader must see them before any figure); then the costs, both views' benefits and ratios and
        /// the figures that follow from them, all formulas; then, under their own heading, the fixed values of the map as
        /// computed: the simulated range, the payback period and what the map rests on.
        /// </summary>
        private Sheet Results()
        {
            var sheet = new Sheet(f[WorkbookTexts.ResultsSheet]) { FrozenRows = 1 };
            sheet.Add(Header(Labels.Figure), Header(Labels.Value), Header(WorkbookTexts.Unit));
            int Add(string figure, Cell? value, string unit) => sheet.Add(Text(figure), value, Text(unit));
            string B(int row) => Address(1, row);
            foreach (var warning in map.Warnings)
            {
                Add(f[Labels.WarningHeading], Text(f[warning.Message]), warning.Code);
            }
            Add(f[WorkbookTexts.ModelVersion], Text(map.ModelVersion), "");
            Add(f[WorkbookTexts.PriceYear], Number(model.PriceYear), "");

            var costsRow = Add(f[Labels.CostsPv], Formula(SumIfs(TrailColumns.Amount, (TrailColumns.IsCost, "1")), map.Costs.Euros, NumberFormat.Money), "€");
            var benefitsRow = Add(f[Labels.BenefitsFinancial], Formula(SumIfs(TrailColumns.Amount, (TrailColumns.InMoney, "1")), map.Benefits.Euros, NumberFormat.Money), "€");
            Add(f[WorkbookTexts.Transfers], Formula(SumIfs(TrailColumns.Amount, (TrailColumns.InMoney, "1"), (TrailColumns.InWelfare, "0")), MapViews.Transfers(map).Euros, NumberFormat.Money), "€");
            var welfareRow = Add(f[Labels.BenefitsWelfare], Formula(SumIfs(TrailColumns.Amount, (TrailColumns.InWelfare, "1")), map.WelfareBenefits.Euros, NumberFormat.Money), "€");
            Add(f[WorkbookTexts.WellbeingInWelfare], Formula(SumIfs(TrailColumns.Amount, (TrailColumns.InMoney, "0"), (TrailColumns.InWelfare, "1")), map.WellbeingBenefits.Euros, NumberFormat.Money), "€");
            var money = MapViews.Money(map, f);
            var welfare = MapViews.Welfare(map, f);
            foreach (var (view, label, row) in new[] { (money, WorkbookTexts.RatioFinancial, benefitsRow), (welfare, WorkbookTexts.RatioWelfare, welfareRow) })
            {
                Add(f.Format(label, view.Name), Formula($"IF({B(costsRow)}=0,\"\",{B(row)}/{B(costsRow)})", view.Ratio?.Value, NumberFormat.Ratio), f[WorkbookTexts.EuroPerEuro]);
                Add(view.Name + ": " + f[WorkbookTexts.Meaning], Text(view.Explanation), "");
            }
            Add(f[Labels.Npv], Formula($"{B(benefitsRow)}-{B(costsRow)}", map.NetPresentValue.Euros, NumberFormat.Money), "€");
            Add(f[Labels.NpvWelfare], Formula($"{B(welfareRow)}-{B(costsRow)}", map.WelfareNetPresentValue.Euros, NumberFormat.Money), "€");
            Add(f[Labels.BenefitPerParticipant], Formula($"{B(benefitsRow)}/{participants}", map.BenefitPerParticipant.Euros, NumberFormat.Money), "€");
            Add(f[Labels.CostPerParticipant], Formula($"{costs}/{participants}", map.Intensity.CostPerParticipant.Euros, NumberFormat.Money), "€");
            Add(f[WorkbookTexts.TypicalCost], Formula(Reference(inputsName, ValueColumn, typicalCostRow), map.Intensity.Typical.Euros, NumberFormat.Money),
                f.Format(WorkbookTexts.TypicalNote, f.AmountRange(map.Intensity.TypicalLow.Euros, map.Intensity.TypicalHigh.Euros)));
            Add(f[WorkbookTexts.IntensityFactor], Formula(intensity, map.Intensity.Factor, NumberFormat.Fraction), f[WorkbookTexts.ShareOfEffect]);
            // The engine rounds the participants needed up; ROUND first keeps a whole number that double arithmetic misses by a hair from going up one.
            Add(f[Labels.BreakEvenParticipants], Formula($"IF({B(benefitsRow)}<=0,\"\",ROUNDUP(ROUND({participants}*{B(costsRow)}/{B(benefitsRow)},9),0))",
                map.BreakEven.Participants, NumberFormat.Integer), "");
            Add(f[Labels.BreakEvenEffect], Formula($"IF({B(benefitsRow)}<=0,\"\",{B(costsRow)}/{B(benefitsRow)})", map.BreakEven.EffectShare?.Value, NumberFormat.Ratio), f[WorkbookTexts.ShareOfEffect]);

            sheet.Add(Text(f[WorkbookTexts.FixedHeading], CellStyle.Heading));
            Add(f[Labels.Payback], map.Payback?.Value is { } p ? Number(Math.Round(p, 2), NumberFormat.Ratio) : null, f[WorkbookTexts.YearsUnit]);
            var u = map.Uncertainty;
            if (u is not null)
            {
                foreach (var view in new[] { money, welfare })
                {
                    Add(f.Format(WorkbookTexts.RatioP10, view.Name), Ratio(view.P10?.Value), f[WorkbookTexts.EuroPerEuro]);
                    Add(f.Format(WorkbookTexts.RatioP50, view.Name), Ratio(view.P50?.Value), f[WorkbookTexts.EuroPerEuro]);
                    Add(f.Format(WorkbookTexts.RatioP90, view.Name), Ratio(view.P90?.Value), f[WorkbookTexts.EuroPerEuro]);
                    Add(f.Format(WorkbookTexts.ChanceOf, view.Name), Number(Math.Round(view.ChanceAboveOne!.Value.Value, 4), NumberFormat.Fraction),
                        f[WorkbookTexts.Fraction] + " (" + f.Chance(view.ChanceAboveOne.Value.Value) + ")");
                }
                Add(f[WorkbookTexts.NpvP10], Number(Cents(u.NetPresentValueP10.Euros), NumberFormat.Money), "€");
                Add(f[WorkbookTexts.NpvP50], Number(Cents(u.NetPresentValueP50.Euros), NumberFormat.Money), "€");
                Add(f[WorkbookTexts.NpvP90], Number(Cents(u.NetPresentValueP90.Euros), NumberFormat.Money), "€");
                Add(f[WorkbookTexts.Draws], Number(u.Draws, NumberFormat.Integer), "");
                Add(f[WorkbookTexts.Seed], Number(u.Seed), "");
                Add(f[WorkbookTexts.WhyThisRange], Text(f[u.Explanation]), "");
            }
            Add(f[WorkbookTexts.CentralFigures], Text(f[Labels.CentralAssumes] + " " + f[Labels.CentralAssumesWhy]), "");
            Add(f[WorkbookTexts.AssumedShare], Number(Math.Round(map.Evidence.AssumedShare.Value, 4), NumberFormat.Fraction),
                f[WorkbookTexts.Fraction] + (MapViews.AssumedShare(map, f) is { } a ? " · " + a : ""));
            Add(f[WorkbookTexts.CalibratedShare], Number(Math.Round(map.Evidence.CalibratedShare.Value, 4), NumberFormat.Fraction), f[WorkbookTexts.Fraction]);
            foreach (var grade in map.Evidence.ByGrade)
            {
                Add(f.Format(WorkbookTexts.GradeShare, f.Evidence(model.Evidence, grade.Grade)), Number(Math.Round(grade.Share.Value, 4), NumberFormat.Fraction), f[WorkbookTexts.Fraction]);
            }
            return sheet;
        }

        private static NumberCell? Ratio(decimal? value) => value is { } v ? Number(Math.Round(v, 4, MidpointRounding.AwayFromZero), NumberFormat.Ratio) : null;

        private static decimal Cents(decimal euros) => Math.Round(euros, 2, MidpointRounding.AwayFromZero);

        // ---- Arbeid / Labour and Bronnen / Sources: fixed values ----

        /// <summary>Hours per profession, then per sector, then the project's own hours: the "Kind" column tells them apart.</summary>
        private Sheet Labour()
        {
            var sheet = new Sheet(f[WorkbookTexts.LabourSheet]) { FrozenRows = 1 };
            sheet.Add(Header(Labels.KindColumn), Header(Labels.Id), Header(WorkbookTexts.Name), Header(Labels.Sector), Header(Labels.Hours), Header(Labels.Fte));
            void Add(Text kind, string id, string label, string sector, decimal hours, decimal fte) =>
                sheet.Add(Text(f[kind]), Text(id), Text(label), Text(sector), Number(Math.Round(hours, 1)), Number(Math.Round(fte, 3), NumberFormat.Fraction));
            foreach (var l in map.Labour)
            {
                Add(Labels.Profession, l.Profession.Id, f[l.Profession.Label], f[l.Profession.Sector.Label], l.Hours.Value, l.Fte);
            }
            foreach (var s in map.HoursBySector())
            {
                Add(Labels.Sector, s.Sector.Id, f[s.Sector.Label], f[s.Sector.Label], s.Hours.Value, s.Fte);
            }
            if (map.OwnHours is { } own)
            {
                Add(own.Estimated ? WorkbookTexts.OwnHoursEstimated : WorkbookTexts.OwnHours, model.OwnProfession.Id, f[model.OwnProfession.Label],
                    f[model.OwnProfession.Sector.Label], own.Hours.Value, own.Fte);
            }
            return sheet;
        }

        private Sheet Sources()
        {
            var sheet = new Sheet(f[WorkbookTexts.SourcesSheet]) { FrozenRows = 1 };
            sheet.Add(Header(Labels.Id), Header(Labels.Citation), Header(Labels.Year), Header(WorkbookTexts.Url), Header(Labels.Reliability));
            foreach (var s in MapSources.For(model, map))
            {
                sheet.Add(Text(s.Id), Text(s.Citation), Number(s.Year), Text(s.Url ?? ""), Text(f.Reliability(s.Reliability)));
            }
            return sheet;
        }
    }
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
    public static readonly Text EffectsSheet = new("Effecten", "Effects");
    public static readonly Text PricesSheet = new("Prijzen", "Prices");
    public static readonly Text QuantitiesSheet = new("Hoeveelheden", "Quantities");

    public static readonly Text HowTitle = new("Hoe dit werkblad rekent", "How this workbook computes");

    /// <summary>The note under the title; {0} to {5} are the sheets Inputs, Effects, Prices, Quantities, Trail and Results.</summary>
    public static readonly Text[] HowLines =
    [
        new("De gele cellen zijn invoer: verander er een en de kaart rekent opnieuw, tot en met de verhoudingen op het blad {5}.",
            "The yellow cells are inputs: change one and the map computes again, up to the ratios on the sheet {5}."),
        new("Invoer staat op {0} (looptijd, deelnemers, discontovoet, kosten, gebruikelijke kosten, antwoorden), op {1} (effect, gemeten effect, deadweight, attributie, afname per jaar, bovengrens van een groep), op {2} (prijs per eenheid) en op {3}.",
            "Inputs are on {0} (duration, participants, discount rate, costs, usual cost, answers), on {1} (effect, measured effect, deadweight, attribution, drop-off, a group's cap), on {2} (price per unit) and on {3}."),
        new("Het blad {4} rekent elke regel uit als netto effect x deelnemers x behoud x hoeveelheid x prijs x disconteringsfactor; de andere bladen tellen het op. Een gemeten effect vervangt effect x antwoorden x intensiteit.",
            "The sheet {4} computes each line as net effect x participants x persistence x quantity x price x discount factor; the other sheets add it up. A measured effect replaces effect x answers x intensity."),
        new("Vaste waarden rekenen niet mee: de bandbreedte uit de simulatie, de waarschuwingen, de terugverdientijd, het bewijs en de bespaarde uren horen bij de invoer waarmee de kaart is gemaakt.",
            "Fixed values do not follow a change: the simulated range, the warnings, the payback period, the evidence and the hours saved belong to the inputs the map was made with."),
    ];

    public static readonly Text Field = new("Veld", "Field");
    public static readonly Text Value = new("Waarde", "Value");
    public static readonly Text Note = new("Toelichting", "Note");
    public static readonly Text Unit = new("Eenheid", "Unit");
    public static readonly Text Name = new("Naam", "Name");
    public static readonly Text Theme = new("Thema", "Theme");
    public static readonly Text Months = new("Looptijd (maanden)", "Duration (months)");
    public static readonly Text DiscountRate = new("Discontovoet", "Discount rate");
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
    public static readonly Text SourceIds = new("Bronnen", "Sources");
    public static readonly Text Url = new("Url", "Url");
    public static readonly Text MonthsNote = new("maanden; dit werkblad verdeelt de kosten over hooguit {0} maanden", "months; this workbook spreads the costs over at most {0} months");
    public static readonly Text MonthsRule = new("Een heel aantal maanden van 1 tot {0}. Voor een langere looptijd: maak een nieuwe kaart.", "A whole number of months from 1 to {0}. For a longer project: make a new map.");
    public static readonly Text ParticipantsRule = new("Een heel aantal deelnemers van 1 tot {0}.", "A whole number of participants from 1 to {0}.");
    public static readonly Text PerYearReal = new("per jaar (reëel)", "a year (real)");
    public static readonly Text CostsSumNote = new("€, de som van de vier soorten hieronder", "€, the sum of the four kinds below");
    public static readonly Text TypicalNote = new("€; gebruikelijk {0}", "€; usually {0}");
    public static readonly Text Elasticity = new("Elasticiteit (intensiteit)", "Elasticity (intensity)");
    public static readonly Text ElasticityNote = new("onder de gebruikelijke kosten geldt (kosten per deelnemer / gebruikelijke kosten) ^ elasticiteit van de effecten",
        "below the usual cost, (cost per participant / usual cost) ^ elasticity of the effects applies");
    public static readonly Text IntensityNote = new("aandeel van het effect; 1 bij de gebruikelijke kosten of meer", "share of the effect; 1 at the usual cost or above");
    public static readonly Text AnswerNote = new("Antwoord: {0}. Andere antwoorden: {1}. Geldt voor: {2}.", "Answer: {0}. Other answers: {1}. Applies to: {2}.");
    public static readonly Text AllOutcomes = new("alle uitkomsten", "all outcomes");
    public static readonly Text MeasuredNote = new("{0}; te veranderen op het blad {1}", "{0}; change it on the sheet {1}");
    public static readonly Text EffectReference = new("Effect per deelnemer (referentieproject)", "Effect per participant (reference project)");
    public static readonly Text AnswersFactor = new("Factor van de antwoorden", "Answers' multiplier");
    public static readonly Text IntensityShort = new("Intensiteit", "Intensity");
    public static readonly Text MeasuredEffect = new("Gemeten effect per deelnemer (evaluatie)", "Measured effect per participant (evaluation)");
    public static readonly Text GrossEffect = new("Bruto effect per deelnemer", "Gross effect per participant");
    public static readonly Text Deadweight = new("Deadweight (was ook zonder project gebeurd)", "Deadweight (would have happened anyway)");
    public static readonly Text Attribution = new("Attributie (deel dat aan het project toe te schrijven is)", "Attribution (share due to the project)");
    public static readonly Text NetBeforeCap = new("Netto effect vóór begrenzing", "Net effect before the cap");
    public static readonly Text Group = new("Groep (sluiten elkaar uit)", "Group (mutually exclusive)");
    public static readonly Text CapFactor = new("Begrenzing (factor)", "Cap (factor)");
    public static readonly Text DropOff = new("Afname per jaar (drop-off)", "Drop-off per year");
    public static readonly Text StartsAfter = new("Begint na (maanden)", "Starts after (months)");
    public static readonly Text Duration = new("Duur (jaren)", "Duration (years)");
    public static readonly Text FirstYear = new("Eerste effectjaar", "First effect year");
    public static readonly Text Description = new("Omschrijving", "Description");
    public static readonly Text Cap = new("Bovengrens (som van de netto effecten per deelnemer)", "Cap (sum of the net effects per participant)");
    public static readonly Text GroupSum = new("Som vóór begrenzing", "Sum before the cap");
    public static readonly Text PricePerUnit = new("Prijs per eenheid (€, prijspeil {0})", "Price per unit (€, {0} prices)");
    public static readonly Text InMoney = new("Telt in de opbrengst in geld (1 = ja)", "Counts in money returned (1 = yes)");
    public static readonly Text InWelfare = new("Telt in de maatschappelijke waarde (1 = ja)", "Counts in value to society (1 = yes)");
    public static readonly Text IsCost = new("Kosten (1 = ja)", "Cost (1 = yes)");
    public static readonly Text Basis = new("Onderbouwing", "Basis");
    public static readonly Text KindWellbeing = new("welzijn", "wellbeing");
    public static readonly Text OutcomeId = new("Uitkomst-id", "Outcome id");
    public static readonly Text PriceItemId = new("Prijspost-id", "Price item id");
    public static readonly Text PayerId = new("Partij-id", "Party id");
    public static readonly Text DomainId = new("Domein-id", "Domain id");
    public static readonly Text QuantityPerUnit = new("Hoeveelheid per eenheid effect", "Quantity per unit of effect");
    public static readonly Text UnitPer = new("{0} per {1}", "{0} per {1}");
    public static readonly Text Persistence = new("Behoud (na afname)", "Persistence (after drop-off)");
    public static readonly Text FixedHeading = new("Vaste waarden: horen bij de invoer waarmee de kaart is gemaakt en rekenen niet mee als u iets verandert",
        "Fixed values: they belong to the inputs the map was made with and do not follow a change");
}
