using System.CommandLine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;

namespace Impactkaart.Cli;

/// <summary>The output format of compute and explain.</summary>
internal enum OutputFormat
{
    Table,
    Json,
}

/// <summary>A project ready to compute: the model, the validated input and the simulation settings.</summary>
internal sealed record PreparedProject(ImpactModel Model, ProjectInput Input, SimulationSettings Simulation, OutputFormat Format);

/// <summary>
/// The options compute and explain share, and the one place that turns them (and an optional --input file) into a
/// validated project. Values are taken as text and validated by the engine, so messages come in the user's language.
/// </summary>
internal sealed class ProjectOptions
{
    private static readonly Dictionary<string, string> OptionByField = new(StringComparer.Ordinal)
    {
        ["referenceProject"] = "--reference",
        ["name"] = "--name",
        ["start"] = "--start",
        ["months"] = "--months",
        ["participants"] = "--participants",
        ["cost"] = "--cost",
        ["costs"] = "--staff-cost/--volunteer-cost/--material-cost/--overhead-cost",
        ["costs.staff"] = "--staff-cost",
        ["costs.volunteers"] = "--volunteer-cost",
        ["costs.material"] = "--material-cost",
        ["costs.overhead"] = "--overhead-cost",
        ["ownHours"] = "--own-hours",
        ["answers"] = "--answer",
        ["phase"] = "--phase",
        ["measured"] = "--measured",
        ["discountRate"] = "--discount-rate",
        ["draws"] = "--draws",
        ["seed"] = "--seed",
        [ProjectRequestJson.DocumentField] = "--input",
    };

    private const long MaxInputBytes = 1_000_000;

    public ProjectOptions(Formats f)
    {
        Reference = new("--reference") { Description = f[Texts.OptReference], HelpName = "id" };
        Participants = new("--participants") { Description = f[Texts.OptParticipants], HelpName = "n" };
        Cost = new("--cost") { Description = f[Texts.OptCost], HelpName = "euro" };
        StaffCost = new("--staff-cost") { Description = f[Texts.OptStaffCost], HelpName = "euro" };
        VolunteerCost = new("--volunteer-cost") { Description = f[Texts.OptVolunteerCost], HelpName = "euro" };
        MaterialCost = new("--material-cost") { Description = f[Texts.OptMaterialCost], HelpName = "euro" };
        OverheadCost = new("--overhead-cost") { Description = f[Texts.OptOverheadCost], HelpName = "euro" };
        OwnHours = new("--own-hours") { Description = f[Texts.OptOwnHours], HelpName = "uren" };
        Months = new("--months") { Description = f[Texts.OptMonths], HelpName = "n" };
        Start = new("--start") { Description = f[Texts.OptStart], HelpName = "yyyy-mm-dd" };
        Name = new("--name") { Description = f[Texts.OptName] };
        Answer = new("--answer") { Description = f[Texts.OptAnswer], HelpName = "vraag=antwoord", Arity = ArgumentArity.ZeroOrMore };
        Phase = new("--phase") { Description = f[Texts.OptPhase], HelpName = "plan|evaluatie" };
        Measured = new("--measured") { Description = f[Texts.OptMeasured], HelpName = "uitkomst=waarde", Arity = ArgumentArity.ZeroOrMore };
        DiscountRate = new("--discount-rate") { Description = f[Texts.OptDiscountRate], HelpName = "procent" };
        Input = new("--input") { Description = f[Texts.OptInput], HelpName = "project.json" };
        Draws = new("--draws") { Description = f[Texts.OptDraws], HelpName = "n" };
        Seed = new("--seed") { Description = f[Texts.OptSeed], HelpName = "n" };
        Format = new("--format") { Description = f[Texts.OptFormat], HelpName = "table|json" };
        Model = new("--model") { Description = f[Texts.OptModel], HelpName = "map" };
    }

    public Option<string> Reference { get; }
    public Option<string> Participants { get; }
    public Option<string> Cost { get; }
    public Option<string> StaffCost { get; }
    public Option<string> VolunteerCost { get; }
    public Option<string> MaterialCost { get; }
    public Option<string> OverheadCost { get; }
    public Option<string> OwnHours { get; }
    public Option<string> Months { get; }
    public Option<string> Start { get; }
    public Option<string> Name { get; }
    public Option<string[]> Answer { get; }
    public Option<string> Phase { get; }
    public Option<string[]> Measured { get; }
    public Option<string> DiscountRate { get; }
    public Option<string> Input { get; }
    public Option<string> Draws { get; }
    public Option<string> Seed { get; }
    public Option<string> Format { get; }
    public Option<string> Model { get; }

    public void AddTo(Command command)
    {
        Option[] all = [Reference, Participants, Cost, StaffCost, VolunteerCost, MaterialCost, OverheadCost, OwnHours, Months, Start, Name,
            Answer, Phase, Measured, DiscountRate, Input, Draws, Seed, Format, Model];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>
    /// Reads the file (if any), lays the command line over it, loads the model and validates everything. Returns
    /// null with the exit code when something is wrong; the messages are already written.
    /// </summary>
    public PreparedProject? Prepare(ParseResult parse, CliContext context, out int exitCode)
    {
        var f = context.Formats;
        exitCode = ExitCodes.BadInput;
        var problems = new List<string>();

        var format = ReadFormat(parse.GetValue(Format), f, problems);

        var inputPath = parse.GetValue(Input);
        ProjectRequest request;
        var fromFile = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(inputPath))
        {
            request = new ProjectRequest();
        }
        else
        {
            var read = ReadFile(inputPath, f);
            if (!read.IsValid)
            {
                context.BadInput(read.Errors.Select(e => $"--input {inputPath}: {(e.Field == ProjectRequestJson.DocumentField ? "" : $"'{e.Field}': ")}{e.Message[context.Language]}"));
                return null;
            }
            request = read.Value!;
            fromFile.UnionWith(GivenFields(request));
        }

        Overlay(parse, request, fromFile, f, problems);

        var loaded = CliContext.LoadModel(parse.GetValue(Model));
        if (loaded.Model is not { } model)
        {
            exitCode = context.BrokenModel(loaded.Problems);
            return null;
        }

        var project = ProjectRequestValidator.Validate(model, request);
        var simulation = ProjectRequestValidator.ValidateSimulation(model, request);
        foreach (var error in project.Errors.Concat(simulation.Errors))
        {
            problems.Add($"{Where(error.Field, fromFile, inputPath)}: {error.Message[context.Language]}");
        }
        if (problems.Count > 0 || !project.IsValid || !simulation.IsValid || format is null)
        {
            context.BadInput(problems);
            return null;
        }
        exitCode = ExitCodes.Ok;
        return new PreparedProject(model, project.Value!, simulation.Value!, format.Value);
    }

    private static Validated<ProjectRequest> ReadFile(string path, Formats f)
    {
        string json;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return FileError(Texts.InputMissing, f, path);
            }
            if (info.Length > MaxInputBytes)
            {
                return FileError(Texts.InputTooLarge, f, path);
            }
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return FileError(Texts.InputUnreadable, f, path);
        }
        return ProjectRequestJson.Read(json);
    }

    private static Validated<ProjectRequest> FileError(Engine.Text text, Formats f, string path) =>
        Validated.Fail<ProjectRequest>([new FieldError(ProjectRequestJson.DocumentField,
            new Engine.Text(string.Format(f.Culture, text.Nl, path), string.Format(f.Culture, text.En, path)))]);

    /// <summary>The command line wins over the file, field by field; any cost option replaces all costs from the file.</summary>
    private void Overlay(ParseResult parse, ProjectRequest request, HashSet<string> fromFile, Formats f, List<string> problems)
    {
        void Set(Option<string> option, string field, Action<string> assign)
        {
            if (parse.GetValue(option) is { } value)
            {
                assign(value);
                fromFile.Remove(field);
            }
        }
        Set(Reference, "referenceProject", v => request.ReferenceProject = v);
        Set(Name, "name", v => request.Name = v);
        Set(Start, "start", v => request.Start = v);
        Set(Months, "months", v => request.Months = v);
        Set(Participants, "participants", v => request.Participants = v);
        Set(OwnHours, "ownHours", v => request.OwnHours = v);
        Set(Phase, "phase", v => request.Phase = v);
        Set(DiscountRate, "discountRate", v => request.DiscountRate = v);
        Set(Draws, "draws", v => request.Draws = v);
        Set(Seed, "seed", v => request.Seed = v);

        Option<string>[] costOptions = [Cost, StaffCost, VolunteerCost, MaterialCost, OverheadCost];
        if (costOptions.Any(o => parse.GetValue(o) is not null))
        {
            request.Cost = request.StaffCost = request.VolunteerCost = request.MaterialCost = request.OverheadCost = null;
            fromFile.RemoveWhere(field => field is "cost" || field.StartsWith("costs.", StringComparison.Ordinal));
            Set(Cost, "cost", v => request.Cost = v);
            Set(StaffCost, "costs.staff", v => request.StaffCost = v);
            Set(VolunteerCost, "costs.volunteers", v => request.VolunteerCost = v);
            Set(MaterialCost, "costs.material", v => request.MaterialCost = v);
            Set(OverheadCost, "costs.overhead", v => request.OverheadCost = v);
        }

        Pairs(parse.GetValue(Answer), "--answer", "answers", request.Answers, fromFile, f, Texts.AnswerSyntax, problems);
        Pairs(parse.GetValue(Measured), "--measured", "measured", request.Measured, fromFile, f, Texts.MeasuredSyntax, problems);
    }

    /// <summary>Reads repeated "key=value" options; a missing value is kept as null so the engine names the allowed values.</summary>
    private static void Pairs(string[]? given, string option, string field, Dictionary<string, string?> target, HashSet<string> fromFile,
        Formats f, Engine.Text syntax, List<string> problems)
    {
        foreach (var pair in given ?? [])
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            var key = (at < 0 ? pair : pair[..at]).Trim();
            var value = at < 0 ? null : pair[(at + 1)..].Trim();
            if (key.Length == 0)
            {
                problems.Add($"{option}: {f.Format(syntax, pair)}");
                continue;
            }
            target[key] = string.IsNullOrEmpty(value) ? null : value;
            fromFile.Remove($"{field}.{key}");
        }
    }

    private static OutputFormat? ReadFormat(string? text, Formats f, List<string> problems)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case null or "" or "TABLE":
                return OutputFormat.Table;
            case "JSON":
                return OutputFormat.Json;
            default:
                problems.Add($"--format: {f.Format(Texts.UnknownFormat, text)}");
                return null;
        }
    }

    private static IEnumerable<string> GivenFields(ProjectRequest r)
    {
        (string Field, string? Value)[] scalars =
        [
            ("referenceProject", r.ReferenceProject), ("name", r.Name), ("start", r.Start), ("months", r.Months), ("participants", r.Participants),
            ("cost", r.Cost), ("costs.staff", r.StaffCost), ("costs.volunteers", r.VolunteerCost), ("costs.material", r.MaterialCost),
            ("costs.overhead", r.OverheadCost), ("ownHours", r.OwnHours), ("phase", r.Phase), ("discountRate", r.DiscountRate),
            ("draws", r.Draws), ("seed", r.Seed),
        ];
        return scalars.Where(s => s.Value is not null).Select(s => s.Field)
            .Concat(r.Answers.Keys.Select(k => "answers." + k))
            .Concat(r.Measured.Keys.Select(k => "measured." + k));
    }

    /// <summary>The option that sets a field; when the value came from the --input file, the file's field as well.</summary>
    internal static string Where(string field, IReadOnlySet<string> fromFile, string? inputPath)
    {
        var option = field switch
        {
            _ when field.StartsWith("answers.", StringComparison.Ordinal) => $"--answer {field["answers.".Length..]}=...",
            _ when field.StartsWith("measured.", StringComparison.Ordinal) => $"--measured {field["measured.".Length..]}=...",
            _ => OptionByField.GetValueOrDefault(field, field),
        };
        return fromFile.Contains(field) && inputPath is not null ? $"{option} ('{field}' in {inputPath})" : option;
    }
}
