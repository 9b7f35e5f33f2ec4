namespace Impactkaart.Engine.Calculation;

/// <summary>
/// A project as a user typed it: every value still text, as it came from a command line, a form or a JSON file.
/// <see cref="ProjectRequestValidator"/> turns it into a <see cref="ProjectInput"/> or into field messages.
/// Field names are the JSON names, so a message can name the field in every front end.
/// </summary>
public sealed class ProjectRequest
{
    // By JSON name: one value per field of ProjectFields.All.
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string?>> lists = new(StringComparer.Ordinal);

    /// <summary>The text of a field of <see cref="ProjectFields"/> (not a list field); null when not given.</summary>
    public string? this[ProjectField field]
    {
        get => values.GetValueOrDefault(Scalar(field).Json);
        set => values[Scalar(field).Json] = value;
    }

    /// <summary>The values of a list field (answers, measured outcomes) by question or outcome id.</summary>
    public Dictionary<string, string?> ListOf(ProjectField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (!field.IsList)
        {
            throw new ArgumentException($"{field.Json} is not a list field; read it with the indexer.", nameof(field));
        }
        if (!lists.TryGetValue(field.Json, out var list))
        {
            list = new(StringComparer.Ordinal);
            lists[field.Json] = list;
        }
        return list;
    }

    public string? ReferenceProject { get => this[ProjectFields.ReferenceProject]; set => this[ProjectFields.ReferenceProject] = value; }
    public string? Name { get => this[ProjectFields.Name]; set => this[ProjectFields.Name] = value; }
    public string? Start { get => this[ProjectFields.Start]; set => this[ProjectFields.Start] = value; }
    public string? Months { get => this[ProjectFields.Months]; set => this[ProjectFields.Months] = value; }
    public string? Participants { get => this[ProjectFields.Participants]; set => this[ProjectFields.Participants] = value; }
    public string? Cost { get => this[ProjectFields.Cost]; set => this[ProjectFields.Cost] = value; }
    public string? StaffCost { get => this[ProjectFields.StaffCost]; set => this[ProjectFields.StaffCost] = value; }

    /// <summary>Staff hours; with <see cref="StaffRate"/> (euros an hour) they make the staff costs.</summary>
    public string? StaffHours { get => this[ProjectFields.StaffHours]; set => this[ProjectFields.StaffHours] = value; }

    public string? StaffRate { get => this[ProjectFields.StaffRate]; set => this[ProjectFields.StaffRate] = value; }
    public string? VolunteerCost { get => this[ProjectFields.VolunteerCost]; set => this[ProjectFields.VolunteerCost] = value; }
    public string? MaterialCost { get => this[ProjectFields.MaterialCost]; set => this[ProjectFields.MaterialCost] = value; }
    public string? OverheadCost { get => this[ProjectFields.OverheadCost]; set => this[ProjectFields.OverheadCost] = value; }
    public string? OwnHours { get => this[ProjectFields.OwnHours]; set => this[ProjectFields.OwnHours] = value; }
    public string? Phase { get => this[ProjectFields.Phase]; set => this[ProjectFields.Phase] = value; }
    public string? DiscountRate { get => this[ProjectFields.DiscountRate]; set => this[ProjectFields.DiscountRate] = value; }
    public string? Draws { get => this[ProjectFields.Draws]; set => this[ProjectFields.Draws] = value; }
    public string? Seed { get => this[ProjectFields.Seed]; set => this[ProjectFields.Seed] = value; }

    /// <summary>The model version a saved project file was made with; a file from another version is refused.</summary>
    public string? ModelVersion { get => this[ProjectFields.ModelVersion]; set => this[ProjectFields.ModelVersion] = value; }

    public Dictionary<string, string?> Answers => ListOf(ProjectFields.Answers);

    public Dictionary<string, string?> Measured => ListOf(ProjectFields.Measured);

    /// <summary>True when any of the cost fields holds a value.</summary>
    public bool HasCosts => ProjectFields.Costs.Any(f => !string.IsNullOrWhiteSpace(this[f]));

    /// <summary>Clears every cost field, so costs given elsewhere replace them as a whole.</summary>
    public void ClearCosts()
    {
        foreach (var field in ProjectFields.Costs)
        {
            this[field] = null;
        }
    }

    /// <summary>A copy, lists included.</summary>
    public ProjectRequest Copy()
    {
        var copy = new ProjectRequest();
        foreach (var (field, value) in values)
        {
            copy.values[field] = value;
        }
        foreach (var (field, list) in lists)
        {
            copy.lists[field] = new Dictionary<string, string?>(list, StringComparer.Ordinal);
        }
        return copy;
    }

    /// <summary>
    /// The same text for the same request however it came in (JSON in any order, a form, an address): every given
    /// field in the order of <see cref="ProjectFields.All"/>, list values by key, blanks left out. A cache key.
    /// </summary>
    public string CanonicalKey()
    {
        var key = new System.Text.StringBuilder();
        foreach (var field in ProjectFields.All)
        {
            if (field.IsList)
            {
                foreach (var (id, value) in ListOf(field).OrderBy(v => v.Key, StringComparer.Ordinal))
                {
                    key.Append(field.Json).Append('.').Append(id).Append('\u001f').Append(value).Append('\u001e');
                }
            }
            else if (!string.IsNullOrWhiteSpace(this[field]))
            {
                key.Append(field.Json).Append('\u001f').Append(this[field]).Append('\u001e');
            }
        }
        return key.ToString();
    }

    private static ProjectField Scalar(ProjectField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.IsList ? throw new ArgumentException($"{field.Json} is a list field; use ListOf.", nameof(field)) : field;
    }
}

/// <summary>A message about one field of the user's input, in Dutch and English, naming the field and what is allowed.</summary>
public sealed record FieldError(string Field, Text Message)
{
    /// <summary>
    /// The message for where ids are typed (command line, project files, batch files, the API): the choices named
    /// with their ids, "Budgetcoaching (budgetcoaching)". Null when it is the same as <see cref="Message"/>, which
    /// names choices only by their names, as the web's forms show them.
    /// </summary>
    public Text? WithIds { get; init; }

    /// <summary>The message to show where the user types ids.</summary>
    public Text ForTyping => WithIds ?? Message;
}

/// <summary>Either a value or the field messages that explain why there is none.</summary>
public sealed record Validated<T>(T? Value, IReadOnlyList<FieldError> Errors) where T : class
{
    public bool IsValid => Value is not null && Errors.Count == 0;

}

/// <summary>Factories for <see cref="Validated{T}"/>.</summary>
public static class Validated
{
    public static Validated<T> Ok<T>(T value) where T : class => new(value, []);

    public static Validated<T> Fail<T>(IReadOnlyList<FieldError> errors) where T : class => new(null, errors);
}
