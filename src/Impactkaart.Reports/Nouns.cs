using Impactkaart.Engine;

namespace Impactkaart.Reports;

/// <summary>A word after a number: <see cref="One"/> after exactly one ("1 deelnemer"), <see cref="Many"/> after any other ("0 deelnemers", "2,5 deelnemers").</summary>
public sealed record Noun(Text One, Text Many);

/// <summary>
/// The words the outputs count in, so every surface says "1 deelnemer" and "3 deelnemers" alike. Units of outcomes and
/// prices are not here: they come with both forms from the model (model.json, "units").
/// </summary>
public static class Nouns
{
    public static readonly Noun Participant = new(new("deelnemer", "participant"), new("deelnemers", "participants"));
    public static readonly Noun Month = new(new("maand", "month"), new("maanden", "months"));
    // Dutch counts years and hours in the singular ("3 jaar", "680 uur").
    public static readonly Noun Year = new(new("jaar", "year"), new("jaar", "years"));
    public static readonly Noun Hour = new(new("uur", "hour"), new("uur", "hours"));
    public static readonly Noun Project = new(new("project", "project"), new("projecten", "projects"));
    public static readonly Noun Draw = new(new("trekking", "draw"), new("trekkingen", "draws"));
}
