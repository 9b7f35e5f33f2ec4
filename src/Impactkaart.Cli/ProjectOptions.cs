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
    private const long MaxInputBytes = 1_000_000;

    /// <summary>One option per field of <see cref="ProjectFields"/> that has one; a list field's option is repeated as key=value.</summary>
    private readonly Dictionary<ProjectField, Option> fieldOptions = [];

    public ProjectOptions(Formats f)
    {
        foreach (var field in ProjectFields.All.Where(candidate => candidate.CliOption is not null))
        {
            fieldOptions[field] = field.IsList
                ? new Option<string[]>(field.CliOption!) { Description = f[field.Description], HelpName = field.CliValue, Arity = ArgumentArity.ZeroOrMore }
                : new Option<string>(field.CliOption!) { Description = f[field.Description], HelpName = field.CliValue };
        }
        Input = new("--input") { Description = f[Texts.OptInput], HelpName = "project.json" };
        Format = new("--format") { Description = f[Texts.OptFormat], HelpName = "table|json" };
        Model = new("--model") { Description = f[Texts.OptModel], HelpName = "map" };
    }

    public Option<string> Input { get; }
    public Option<string> Format { get; }
    public Option<string> Model { get; }

    public void AddTo(Command command)
    {
        foreach (var option in fieldOptions.Values.Append(Input).Append(Format).Append(Model))
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
            problems.Add($"{Where(error.Field, fromFile, inputPath)}: {error.ForTyping[context.Language]}");
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
        if (fieldOptions.Any(o => o.Key.IsCost && parse.GetValue((Option<string>)o.Value) is not null))
        {
            request.ClearCosts();
            fromFile.RemoveWhere(field => ProjectFields.ByJson(field) is { IsCost: true });
        }
        foreach (var (field, option) in fieldOptions)
        {
            if (field.IsList)
            {
                Pairs(parse.GetValue((Option<string[]>)option), field, request.ListOf(field), fromFile, f, problems);
            }
            else if (parse.GetValue((Option<string>)option) is { } value)
            {
                request[field] = value;
                fromFile.Remove(field.Json);
            }
        }
    }

    /// <summary>Reads repeated "key=value" options; a missing value is kept as null so the engine names the allowed values.</summary>
    private static void Pairs(string[]? given, ProjectField field, Dictionary<string, string?> target, HashSet<string> fromFile, Formats f, List<string> problems)
    {
        var option = field.CliOption!;
        var syntax = field == ProjectFields.Measured ? Texts.MeasuredSyntax : Texts.AnswerSyntax;
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
            fromFile.Remove($"{field.Json}.{key}");
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

    private static IEnumerable<string> GivenFields(ProjectRequest request) =>
        ProjectFields.All.SelectMany(field => field.IsList
            ? request.ListOf(field).Keys.Select(key => $"{field.Json}.{key}")
            : request[field] is null ? [] : [field.Json]);

    /// <summary>The option that sets a field; when the value came from the --input file, the file's field as well.</summary>
    internal static string Where(string field, IReadOnlySet<string> fromFile, string? inputPath)
    {
        var option = field switch
        {
            ProjectRequestJson.DocumentField => "--input",
            // The costs as a whole (total or by category): any of their options.
            ProjectFields.CostsObject => string.Join('/', ProjectFields.Costs.Where(c => c != ProjectFields.Cost).Select(c => c.CliOption)),
            _ => ProjectFields.Of(field) switch
            {
                { IsList: true, CliOption: { } list } known when field != known.Json => $"{list} {field[(known.Json.Length + 1)..]}=...",
                { CliOption: { } single } => single,
                _ => field,
            },
        };
        return fromFile.Contains(field) && inputPath is not null ? $"{option} ('{field}' in {inputPath})" : option;
    }
}
