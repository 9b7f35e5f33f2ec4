namespace Impactkaart.Engine.Calculation;

/// <summary>
/// A project as a user typed it: every value still text, as it came from a command line, a form or a JSON file.
/// <see cref="ProjectRequestValidator"/> turns it into a <see cref="ProjectInput"/> or into field messages.
/// Field names are the JSON names, so a message can name the field in every front end.
/// </summary>
public sealed class ProjectRequest
{
    public string? ReferenceProject { get; set; }
    public string? Name { get; set; }
    public string? Start { get; set; }
    public string? Months { get; set; }
    public string? Participants { get; set; }
    public string? Cost { get; set; }
    public string? StaffCost { get; set; }

    /// <summary>Staff hours; with <see cref="StaffRate"/> (euros an hour) they make the staff costs.</summary>
    public string? StaffHours { get; set; }

    public string? StaffRate { get; set; }
    public string? VolunteerCost { get; set; }
    public string? MaterialCost { get; set; }
    public string? OverheadCost { get; set; }
    public string? OwnHours { get; set; }
    public string? Phase { get; set; }
    public string? DiscountRate { get; set; }
    public string? Draws { get; set; }
    public string? Seed { get; set; }

    /// <summary>The model version a saved project file was made with; a file from another version is refused.</summary>
    public string? ModelVersion { get; set; }
    public Dictionary<string, string?> Answers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string?> Measured { get; } = new(StringComparer.Ordinal);
}

/// <summary>A message about one field of the user's input, in Dutch and English, naming the field and what is allowed.</summary>
public sealed record FieldError(string Field, Text Message);

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
