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
    public const string AnswerPrefix = "a.";
    public const string MeasuredPrefix = "m.";

    /// <summary>One known column: its Dutch name (shown in messages), the engine's field and the other names it is known by.</summary>
    public sealed record Column(string Dutch, string Field, string[] Aliases, Action<ProjectRequest, string> Assign);

    public static readonly IReadOnlyList<Column> Known =
    [
        new("naam", "name", ["name"], (r, v) => r.Name = v),
        new("referentieproject", "referenceProject", ["ref", "referenceproject", "reference"], (r, v) => r.ReferenceProject = v),
        new("start", "start", ["startdatum"], (r, v) => r.Start = v),
        new("maanden", "months", ["months", "looptijd"], (r, v) => r.Months = v),
        new("fase", "phase", ["phase"], (r, v) => r.Phase = v),
        new("deelnemers", "participants", ["participants"], (r, v) => r.Participants = v),
        new("kosten", "cost", ["cost", "costs"], (r, v) => r.Cost = v),
        new("personeel", "costs.staff", ["staffcost", "costs.staff", "staff"], (r, v) => r.StaffCost = v),
        new("uren", "costs.staffHours", ["staffhours", "costs.staffhours"], (r, v) => r.StaffHours = v),
        new("uurtarief", "costs.staffRate", ["staffrate", "costs.staffrate"], (r, v) => r.StaffRate = v),
        new("vrijwilligers", "costs.volunteers", ["volunteercost", "costs.volunteers", "volunteers"], (r, v) => r.VolunteerCost = v),
        new("materiaal", "costs.material", ["materialcost", "costs.material", "material"], (r, v) => r.MaterialCost = v),
        new("overhead", "costs.overhead", ["overheadcost", "costs.overhead"], (r, v) => r.OverheadCost = v),
        new("eigenuren", "ownHours", ["ownhours"], (r, v) => r.OwnHours = v),
        new("discontovoet", "discountRate", ["discountrate"], (r, v) => r.DiscountRate = v),
    ];

    /// <summary>The columns without which no row can be computed; costs may come as a total or by category.</summary>
    private static readonly string[] CostColumns = ["kosten", "personeel", "uren", "vrijwilligers", "materiaal", "overhead"];

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
            if (Prefixed(key, header, AnswerPrefix, "answers.") is { } question)
            {
                columns.Add(new(i, header, "answers." + question, (r, v) => r.Answers[question] = v));
            }
            else if (Prefixed(key, header, MeasuredPrefix, "measured.") is { } outcome)
            {
                columns.Add(new(i, header, "measured." + outcome, (r, v) => r.Measured[outcome] = v));
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
        var missing = new List<string>();
        if (!found.Contains("referentieproject"))
        {
            missing.Add("referentieproject");
        }
        if (!found.Contains("deelnemers"))
        {
            missing.Add("deelnemers");
        }
        if (!CostColumns.Any(found.Contains))
        {
            missing.Add("kosten");
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
        if (field.StartsWith("answers.", StringComparison.Ordinal))
        {
            return AnswerPrefix + field["answers.".Length..];
        }
        if (field.StartsWith("measured.", StringComparison.Ordinal))
        {
            return MeasuredPrefix + field["measured.".Length..];
        }
        // "costs" is the engine's name for the costs as a whole (total or by category).
        return field == "costs" ? "kosten" : Known.FirstOrDefault(c => c.Field == field)?.Dutch ?? field;
    }
}
