using Impactkaart.Engine.Calculation;

namespace Impactkaart.Reports.Batch;

/// <summary>
/// The columns a batch file may have: the wizard's Dutch keys first (naam, ref, deelnemers, ...), the project
/// JSON's English names accepted as well, and "a.{question}" / "m.{outcome}" for answers and measured outcomes.
/// Headers are matched without regard to case, spaces or underscores. Unknown columns are ignored (and reported),
/// so a file may carry the organisation's own columns such as an id or a remark.
/// </summary>
public static class BatchColumns
{
    public static readonly string AnswerPrefix = ProjectFields.Answers.Batch!.Dutch;
    public static readonly string MeasuredPrefix = ProjectFields.Measured.Batch!.Dutch;

    /// <summary>One known column: its Dutch name (shown in messages), the engine's field and the other names it is known by.</summary>
    public sealed record Column(string Dutch, string Field, string[] Aliases, Action<ProjectRequest, string> Assign);

    /// <summary>A column per field of <see cref="ProjectFields"/> with batch names; besides those, its JSON name and form key are accepted.</summary>
    public static readonly IReadOnlyList<Column> Known = ProjectFields.All
        .Where(f => f is { Batch: not null, IsList: false })
        .Select(f => new Column(f.Batch!.Dutch, f.Json,
            f.Batch.All.Skip(1).Append(f.Json).Append(f.FormKey ?? "").Select(Normalise).Where(a => a.Length > 0 && a != f.Batch.Dutch).Distinct().ToArray(),
            (r, v) => r[f] = v))
        .ToList();

    /// <summary>The columns without which no row can be computed; costs may come as a total or by category.</summary>
    private static readonly string[] RequiredColumns = ProjectFields.Required.Select(f => f.Batch!.Dutch).ToArray();

    private static readonly string[] CostColumns = ProjectFields.Costs.Select(f => f.Batch!.Dutch).ToArray();

    /// <summary>How one header of the file is read: a known column, an answer, a measured outcome, or ignored (null).</summary>
    public sealed record Mapped(int Index, string Header, string Field, Action<ProjectRequest, string> Assign);

    /// <summary>Maps the header row; returns the mapped columns, the required columns that are missing and the ignored headers.</summary>
    public static (IReadOnlyList<Mapped> Columns, IReadOnlyList<string> Missing, IReadOnlyList<string> Ignored) Map(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var columns = new List<Mapped>();
        var ignored = new List<string>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim();
            var key = Normalise(header);
            if (key.Length == 0)
            {
                continue;
            }
            if (ProjectFields.All.Where(f => f is { IsList: true, Batch: not null })
                    .Select(f => (Field: f, Key: Prefixed(key, header, f.Batch!.Dutch, f.Batch.English)))
                    .FirstOrDefault(p => p.Key is not null) is { Field: { } list, Key: { } id })
            {
                columns.Add(new(i, header, $"{list.Json}.{id}", (r, v) => r.ListOf(list)[id] = v));
            }
            else if (Known.FirstOrDefault(c => c.Dutch == key || c.Aliases.Contains(key)) is { } column && found.Add(column.Dutch))
            {
                columns.Add(new(i, header, column.Field, column.Assign));
            }
            else
            {
                ignored.Add(header);
            }
        }
        var missing = RequiredColumns.Where(c => !found.Contains(c)).ToList();
        if (!CostColumns.Any(found.Contains))
        {
            missing.Add(ProjectFields.Cost.Batch!.Dutch);
        }
        return (columns, missing, ignored);
    }

    /// <summary>The key after "a." or "answers." (as typed, keys are case-sensitive in the model), or null.</summary>
    private static string? Prefixed(string key, string header, string shortPrefix, string longPrefix)
    {
        var compact = header.Replace(" ", "", StringComparison.Ordinal);
        foreach (var prefix in new[] { shortPrefix, longPrefix })
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && key.Length > prefix.Length)
            {
                return compact[prefix.Length..];
            }
        }
        return null;
    }

    private static string Normalise(string header) =>
        header.Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>The column of an engine field as the file names it, so a message points at the cell the user typed.</summary>
    public static string HeaderFor(string field, IReadOnlyList<Mapped> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.FirstOrDefault(c => c.Field == field) is { } mapped)
        {
            return mapped.Header;
        }
        if (ProjectFields.Of(field) is { IsList: true, Batch: { } names } list && field.Length > list.Json.Length)
        {
            return names.Dutch + field[(list.Json.Length + 1)..];
        }
        // "costs" is the engine's name for the costs as a whole (total or by category).
        return field == ProjectFields.CostsObject ? ProjectFields.Cost.Batch!.Dutch : Known.FirstOrDefault(c => c.Field == field)?.Dutch ?? field;
    }
}
