using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using NPOI.SS.UserModel;
using NPOI.XSSF.UserModel;

namespace Impactkaart.Reports.Tests;

/// <summary>
/// The workbook computes: a formula engine (NPOI's evaluator) recomputes every formula from the input cells and finds
/// the engine's figures; after an input cell is changed it finds what the engine computes for the changed input.
/// </summary>
public sealed class WorkbookFormulaTests
{
    private const string MoneyRatio = "Opbrengst in geld: per geïnvesteerde euro";
    private const string WelfareRatio = "Maatschappelijke waarde: per geïnvesteerde euro";
    private const string Costs = "Kosten (contante waarde)";
    private const string Benefits = "Baten in geld";
    private const string WelfareBenefits = "Maatschappelijke baten";

    [Fact]
    public void Budget_coaching_recomputes_to_ratio_1_90_in_money_and_the_engine_figures_in_both_views()
    {
        var map = Maps.Budgetcoaching();
        var book = new Recomputed(MapWorkbook.Render(Maps.Model, map, Language.Nl));

        Assert.Equal(1.90, Math.Round(book.Result(MoneyRatio), 2));
        AssertMatches(map, book);
    }

    [Fact]
    public void Home_visits_recompute_to_ratio_1_20_in_money_and_the_engine_figures_in_both_views()
    {
        var map = Maps.HomeVisits();
        var book = new Recomputed(MapWorkbook.Render(Maps.Model, map, Language.Nl));

        Assert.Equal(1.20, Math.Round(book.Result(MoneyRatio), 2));
        AssertMatches(map, book);
    }

    [Fact]
    public void A_map_with_answers_a_binding_cap_lighter_intensity_and_a_measured_effect_recomputes_to_the_engine_figures()
    {
        var map = AnsweredMeasuredCheapBudgetcoaching();
        // The case must exercise each step: answers move the multiplier, the debt path's cap binds, the cost per
        // participant (EUR 750) is below the usual EUR 1,125, and one effect is measured.
        Assert.Contains(map.ByOutcome, o => !o.Measured && o.Multiplier != 1m);
        Assert.Contains(map.ByOutcome, o => o.CapFactor < 1m);
        Assert.InRange(map.Intensity.Factor, 0.5m, 0.99m);
        Assert.Contains(map.ByOutcome, o => o.Measured);

        var book = new Recomputed(MapWorkbook.Render(Maps.Model, map, Language.Nl));

        AssertMatches(map, book);
    }

    [Fact]
    public void A_project_at_a_tenth_of_the_usual_cost_recomputes_with_its_intensity_factor()
    {
        var map = Maps.CheapBudgetcoaching();
        // (EUR 112.50 / EUR 1,125) ^ 0.75 = 0.1778, rounded to six decimals as the engine does.
        Assert.Equal(0.177828m, map.Intensity.Factor);

        AssertMatches(map, new Recomputed(MapWorkbook.Render(Maps.Model, map, Language.Nl)));
    }

    [Fact]
    public void The_English_workbook_recomputes_to_the_same_figures()
    {
        var map = Maps.Budgetcoaching();
        var book = new Recomputed(MapWorkbook.Render(Maps.Model, map, Language.En));

        Assert.Equal((double)map.Ratio!.Value.Value, book.Result("Money returned: per euro invested"), 9);
        Assert.Equal((double)map.WelfareRatio!.Value.Value, book.Result("Value to society: per euro invested"), 9);
        book.AssertEveryFormulaGivesItsCachedValue();
    }

    [Fact]
    public void A_map_computed_without_its_trail_gives_the_same_workbook()
    {
        var full = Maps.Budgetcoaching();
        var map = full with { Trail = [] };

        Assert.Equal(MapWorkbook.Render(Maps.Model, full, Language.Nl), MapWorkbook.Render(Maps.Model, map, Language.Nl));
    }

    public static TheoryData<string> ReferenceProjects => [.. Maps.Model.ReferenceProjects.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(ReferenceProjects))]
    public void Every_reference_project_at_its_typical_size_recomputes_to_the_engine_figures(string id)
    {
        var project = Maps.Model.FindReferenceProject(id)!;
        var cost = Engine.Quantities.Money.FromEuros(project.TypicalParticipants * project.TypicalCostPerParticipant.Central);
        var input = ProjectInput.ForReference(Maps.Model, project, project.TypicalParticipants, cost);
        var map = ImpactCalculator.Compute(Maps.Model, input, SimulationSettings.None, withTrail: true);

        AssertMatches(map, new Recomputed(MapWorkbook.Render(Maps.Model, map, Language.Nl)));
    }

    [Fact]
    public void Costs_by_category_add_up_in_the_workbook_and_a_changed_category_moves_the_ratio_as_the_engine_does()
    {
        static ImpactMap Map(string staff) => Maps.Compute("budgetcoaching", "80", "", more: r =>
        {
            r.Cost = null;
            r.StaffCost = staff;
            r.VolunteerCost = "5000";
            r.MaterialCost = "2500";
            r.OverheadCost = "7500";
        });
        var book = new Recomputed(MapWorkbook.Render(Maps.Model, Map("75000"), Language.Nl));
        AssertMatches(Map("75000"), book);

        book.SetInput("Personeel", 45000);

        AssertMatches(Map("45000"), book, cachedToo: false);
    }

    [Theory]
    [InlineData("Deelnemers", 120, "participants")]
    [InlineData("Deelnemers", 40, "participants")]
    [InlineData("Kosten (totaal)", 60000, "cost")]
    [InlineData("Discontovoet", 0.05, "discount")]
    [InlineData("Looptijd (maanden)", 7, "months")]
    [InlineData("Looptijd (maanden)", 24, "months")]
    public void Changing_an_input_cell_moves_the_ratio_to_what_the_engine_computes_for_that_input(string field, double value, string what)
    {
        var book = new Recomputed(MapWorkbook.Render(Maps.Model, Maps.Budgetcoaching(), Language.Nl));

        book.SetInput(field, value);

        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var expected = what switch
        {
            "participants" => Maps.Compute("budgetcoaching", text, "90000"),
            "cost" => Maps.Compute("budgetcoaching", "80", text),
            "discount" => Maps.Compute("budgetcoaching", "80", "90000", more: r => r.DiscountRate = (value * 100).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _ => Maps.Compute("budgetcoaching", "80", "90000", more: r => r.Months = text),
        };
        Assert.NotEqual(Math.Round((double)Maps.Budgetcoaching().Ratio!.Value.Value, 6), Math.Round((double)expected.Ratio!.Value.Value, 6));
        AssertMatches(expected, book, cachedToo: false);
    }

    [Fact]
    public void Changing_an_answers_multiplier_moves_the_ratio_as_choosing_that_answer_does()
    {
        var book = new Recomputed(MapWorkbook.Render(Maps.Model, Maps.Budgetcoaching(), Language.Nl));

        book.SetInput(book.FieldStartingWith("Vraag: ", "(intensiteit)"), 1.1);

        AssertMatches(Maps.Compute("budgetcoaching", "80", "90000", more: r => r.Answers["intensiteit"] = "meer"), book, cachedToo: false);
    }

    [Fact]
    public void Changing_a_measured_effect_moves_the_ratio_as_the_engine_does()
    {
        var book = new Recomputed(MapWorkbook.Render(Maps.Model, AnsweredMeasuredCheapBudgetcoaching(), Language.Nl));

        book.SetCell("Effecten", "minder-schuldhulptrajecten", "Gemeten effect per deelnemer (evaluatie)", 0.1);

        AssertMatches(AnsweredMeasuredCheapBudgetcoaching(measured: "0.1"), book, cachedToo: false);
    }

    [Fact]
    public void Changing_a_deadweight_moves_the_ratio_as_the_engine_does_with_that_deadweight_in_the_model()
    {
        var book = new Recomputed(MapWorkbook.Render(Maps.Model, Maps.Budgetcoaching(), Language.Nl));

        book.SetCell("Effecten", "kortere-bijstand", "Deadweight (was ook zonder project gebeurd)", 0.4);

        var model = ModelWith("budgetcoaching", "kortere-bijstand", "deadweight", 0.4m);
        var validated = ProjectRequestValidator.Validate(model, new ProjectRequest { ReferenceProject = "budgetcoaching", Participants = "80", Cost = "90000" });
        var expected = ImpactCalculator.Compute(model, validated.Value!, SimulationSettings.None);
        Assert.True(expected.Ratio!.Value.Value < Maps.Budgetcoaching().Ratio!.Value.Value);
        AssertMatches(expected, book, cachedToo: false);
    }

    [Fact]
    public void Every_part_path_in_the_relationships_is_relative_and_every_part_has_a_content_type()
    {
        using var zip = new ZipArchive(new MemoryStream(MapWorkbook.Render(Maps.Model, Maps.Budgetcoaching(), Language.Nl)));
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        XDocument Read(string path)
        {
            using var stream = zip.GetEntry(path)!.Open();
            return XDocument.Load(stream);
        }

        foreach (var (rels, folder) in new[] { ("_rels/.rels", ""), ("xl/_rels/workbook.xml.rels", "xl/") })
        {
            var targets = Read(rels).Root!.Elements().Select(r => (string)r.Attribute("Target")!).ToList();
            Assert.NotEmpty(targets);
            Assert.All(targets, t => Assert.False(t.StartsWith('/'), $"{rels}: '{t}' is absolute"));
            Assert.All(targets, t => Assert.Contains(folder + t, entries));
        }
        var types = Read("[Content_Types].xml").Root!;
        var overrides = types.Elements().Where(e => e.Name.LocalName == "Override").Select(e => ((string)e.Attribute("PartName")!).TrimStart('/')).ToList();
        Assert.All(overrides, part => Assert.Contains(part, entries));
        var defaults = types.Elements().Where(e => e.Name.LocalName == "Default").Select(e => (string)e.Attribute("Extension")!).ToList();
        Assert.All(entries.Where(e => e != "[Content_Types].xml"), e => Assert.True(overrides.Contains(e) || defaults.Contains(Path.GetExtension(e).TrimStart('.')), e));
        Assert.Equal(12, overrides.Count(p => p.StartsWith("xl/worksheets/", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_same_map_gives_the_same_bytes()
    {
        var map = Maps.Budgetcoaching();

        Assert.Equal(MapWorkbook.Render(Maps.Model, map, Language.Nl), MapWorkbook.Render(Maps.Model, map, Language.Nl));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"klik\")")]
    [InlineData("=1+1")]
    [InlineData("@SUM(A1)")]
    public void A_project_name_that_looks_like_a_formula_stays_text(string name)
    {
        var bytes = MapWorkbook.Render(Maps.Model, Maps.Budgetcoaching(name), Language.Nl);
        var book = new Recomputed(bytes);

        var cell = book.InputCell("Projectnaam");
        Assert.Equal(CellType.String, cell.CellType);
        Assert.Equal(MapWorkbook.FormulaGuard + name, cell.StringCellValue);
        Assert.DoesNotContain(book.FormulaCells(), c => c.CellFormula.Contains("HYPERLINK", StringComparison.Ordinal) || c.CellFormula.Contains("SUM(A1)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_project_name_with_characters_xml_cannot_carry_still_writes_a_workbook()
    {
        // The validator refuses such a name; a map built otherwise (an older saved project) must still give a workbook.
        var map = Maps.Budgetcoaching();
        map = map with { Input = map.Input with { Name = "Budget\u0001coaching \U0001F4B6" } };
        var book = new Recomputed(MapWorkbook.Render(Maps.Model, map, Language.Nl));

        Assert.Equal("Budget\uFFFDcoaching \U0001F4B6", book.InputCell("Projectnaam").StringCellValue);
    }

    /// <summary>Budget coaching in evaluation at EUR 750 a participant, with answers, and a measured debt-help effect large enough to hit the debt path's cap.</summary>
    private static ImpactMap AnsweredMeasuredCheapBudgetcoaching(string measured = "0.3") =>
        Maps.Compute("budgetcoaching", "80", "60000", more: r =>
        {
            r.Answers["intensiteit"] = "meer";
            r.Answers["doelgroep-zwaarte"] = "zwaarder";
            r.Answers["erkende-methode"] = "geen-methode";
            r.Phase = "evaluatie";
            r.Measured["minder-schuldhulptrajecten"] = measured;
        });

    /// <summary>The recomputed workbook finds the engine's costs, benefits and ratios in both views, per outcome and per payer.</summary>
    private static void AssertMatches(ImpactMap map, Recomputed book, bool cachedToo = true)
    {
        static void Near(decimal expected, double actual, string what) =>
            Assert.True(Math.Abs((double)expected - actual) <= 1e-9 * Math.Max(1, Math.Abs((double)expected)), $"{what}: engine {expected}, workbook {actual}");
        Near(map.Costs.Euros, book.Result(Costs), Costs);
        Near(map.Benefits.Euros, book.Result(Benefits), Benefits);
        Near(map.WelfareBenefits.Euros, book.Result(WelfareBenefits), WelfareBenefits);
        Near(map.Ratio!.Value.Value, book.Result(MoneyRatio), MoneyRatio);
        Near(map.WelfareRatio!.Value.Value, book.Result(WelfareRatio), WelfareRatio);
        Near(map.Intensity.Factor, book.Result("Deel van de effecten dat geldt (intensiteit)"), "intensity");
        Near(map.BreakEven.Participants!.Value, book.Result("Break-even: deelnemers"), "break-even");
        foreach (var outcome in map.ByOutcome)
        {
            Near(outcome.NetEffectPerParticipant, book.Value("Per uitkomst", outcome.Outcome.Id, "Netto effect per deelnemer"), outcome.Outcome.Id + " net effect");
            Near(outcome.Benefits.Euros, book.Value("Per uitkomst", outcome.Outcome.Id, "Baten in geld"), outcome.Outcome.Id);
            Near(outcome.WelfareBenefits.Euros, book.Value("Per uitkomst", outcome.Outcome.Id, "Maatschappelijke baten"), outcome.Outcome.Id);
        }
        foreach (var payer in map.ByPayer)
        {
            Near(payer.Amount.Euros, book.Value("Per partij", payer.Payer.Id, "Baten in geld"), payer.Payer.Id);
            Near(payer.Transfers.Euros, book.Value("Per partij", payer.Payer.Id, "Waarvan overdrachten"), payer.Payer.Id);
        }
        foreach (var domain in map.ByDomain)
        {
            Near(domain.Amount.Euros, book.Value("Per domein", domain.Domain.Id, "Baten in geld"), domain.Domain.Id);
        }
        foreach (var year in map.PerYear)
        {
            var label = (year.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Near(year.Costs.Euros, book.Value("Per jaar", label, "Kosten"), "year " + label);
            Near(year.Benefits.Euros, book.Value("Per jaar", label, "Baten in geld"), "year " + label);
            Near(year.WelfareBenefits.Euros, book.Value("Per jaar", label, "Maatschappelijke baten"), "year " + label);
        }
        if (cachedToo)
        {
            book.AssertEveryFormulaGivesItsCachedValue();
        }
    }

    /// <summary>A copy of the shipped model (read from the repository's model folder) with one outcome's central estimate changed.</summary>
    private static ImpactModel ModelWith(string project, string outcome, string field, decimal central)
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(folder, "model", "model.json")))
        {
            folder = Path.GetDirectoryName(folder) ?? throw new InvalidOperationException("The repository's model folder was not found.");
        }
        var root = Path.Combine(folder, "model");
        var files = Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(f => new ModelFile(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();
        var index = files.FindIndex(f => f.Path == $"reference-projects/{project}.json");
        var json = JsonNode.Parse(files[index].Json)!;
        var estimate = json["outcomes"]!.AsArray().Single(o => (string?)o!["id"] == outcome)![field]!;
        estimate["central"] = central;
        files[index] = files[index] with { Json = json.ToJsonString() };
        var loaded = ModelLoader.Load(files);
        return loaded.Model ?? throw new InvalidOperationException(string.Join("; ", loaded.Problems.Select(p => p.Describe(Language.En))));
    }

    /// <summary>A workbook opened in NPOI, whose formulas are evaluated from the cells rather than read from the cached values.</summary>
    private sealed class Recomputed
    {
        private readonly XSSFWorkbook book;
        private readonly IFormulaEvaluator evaluator;

        public Recomputed(byte[] bytes)
        {
            book = new XSSFWorkbook(new MemoryStream(bytes));
            evaluator = book.GetCreationHelper().CreateFormulaEvaluator();
        }

        public IEnumerable<IRow> Rows(string sheet)
        {
            var s = book.GetSheet(sheet) ?? throw new InvalidOperationException($"No sheet '{sheet}'.");
            for (var r = 0; r <= s.LastRowNum; r++)
            {
                if (s.GetRow(r) is { } row)
                {
                    yield return row;
                }
            }
        }

        public IEnumerable<ICell> FormulaCells() =>
            Enumerable.Range(0, book.NumberOfSheets).SelectMany(i => Rows(book.GetSheetName(i))).SelectMany(r => r.Cells).Where(c => c.CellType == CellType.Formula);

        /// <summary>The number in column B of the Results row whose label starts with <paramref name="label"/>, recomputed.</summary>
        public double Result(string label)
        {
            var rows = Rows(book.GetSheet("Resultaten") is null ? "Results" : "Resultaten").Where(r => Text(r.GetCell(0)).StartsWith(label, StringComparison.Ordinal)).ToList();
            Assert.Single(rows);
            return Number(rows[0].GetCell(1));
        }

        /// <summary>The recomputed number in the column headed <paramref name="column"/> of the row whose first cell is <paramref name="key"/>.</summary>
        public double Value(string sheet, string key, string column) => Number(Cell(sheet, key, column));

        public ICell InputCell(string field) => Rows("Invoer").Single(r => Text(r.GetCell(0)) == field).GetCell(1);

        public string FieldStartingWith(string prefix, string suffix) =>
            Rows("Invoer").Select(r => Text(r.GetCell(0))).Single(t => t.StartsWith(prefix, StringComparison.Ordinal) && t.EndsWith(suffix, StringComparison.Ordinal));

        public void SetInput(string field, double value)
        {
            var cell = InputCell(field);
            Assert.NotEqual(CellType.Formula, cell.CellType);
            cell.SetCellValue(value);
            evaluator.ClearAllCachedResultValues();
        }

        public void SetCell(string sheet, string key, string column, double value)
        {
            var cell = Cell(sheet, key, column);
            Assert.NotEqual(CellType.Formula, cell.CellType);
            cell.SetCellValue(value);
            evaluator.ClearAllCachedResultValues();
        }

        private ICell Cell(string sheet, string key, string column)
        {
            var rows = Rows(sheet).ToList();
            var header = rows[0].Cells.FirstOrDefault(c => Text(c) == column)?.ColumnIndex ?? throw new InvalidOperationException($"No column '{column}' on '{sheet}'.");
            var row = rows.Skip(1).First(r => Text(r.GetCell(0)) == key);
            return row.GetCell(header) ?? row.CreateCell(header);
        }

        public void AssertEveryFormulaGivesItsCachedValue()
        {
            var count = 0;
            foreach (var cell in FormulaCells())
            {
                var value = evaluator.Evaluate(cell);
                var where = $"{Where(cell)} ({cell.CellFormula})";
                if (cell.CachedFormulaResultType == CellType.Numeric)
                {
                    Assert.True(value.CellType == CellType.Numeric, where + " is not a number: " + value.FormatAsString());
                    var cached = cell.NumericCellValue;
                    Assert.True(Math.Abs(cached - value.NumberValue) <= 1e-9 * Math.Max(1, Math.Abs(cached)), $"{where}: cached {cached}, recomputed {value.NumberValue}");
                }
                else
                {
                    Assert.Equal(cell.StringCellValue, value.CellType == CellType.String ? value.StringValue : value.FormatAsString());
                }
                count++;
            }
            Assert.True(count > 100, $"only {count} formulas");
        }

        private double Number(ICell cell)
        {
            var value = cell.CellType == CellType.Formula ? evaluator.Evaluate(cell) : null;
            if (value is not null)
            {
                Assert.True(value.CellType == CellType.Numeric, $"{Where(cell)}: {value.FormatAsString()}");
                return value.NumberValue;
            }
            return cell.NumericCellValue;
        }

        private static string Where(ICell cell) => $"{cell.Sheet.SheetName}!R{cell.RowIndex + 1}C{cell.ColumnIndex + 1}";

        private static string Text(ICell? cell) => cell switch
        {
            null => "",
            { CellType: CellType.String } => cell.StringCellValue,
            { CellType: CellType.Numeric } => cell.NumericCellValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "",
        };
    }
}
