namespace Impactkaart.Engine.Calculation;

/// <summary>How a field's text is read and written back (see <see cref="NumberText"/> for the Dutch number rules).</summary>
public enum FieldKind
{
    /// <summary>Free text or an id: never a number in a JSON file.</summary>
    Text,

    /// <summary>A date such as 2026-09-01.</summary>
    Date,

    /// <summary>A whole number, read like an amount: "1.000" is a thousand.</summary>
    Whole,

    /// <summary>Euros, read like an amount: "90.000" is ninety thousand.</summary>
    Money,

    /// <summary>Hours, read like an amount: "1.250" is one thousand two hundred and fifty.</summary>
    Hours,

    /// <summary>A plain decimal without thousands separators (a percentage, a measured change): "2,25" is 2.25.</summary>
    Decimal,
}

/// <summary>
/// The names one batch column goes by: the Dutch name shown in messages, the English one, and others accepted.
/// Headers are compared without case, spaces or underscores.
/// </summary>
public sealed record BatchNames(string Dutch, string English, params string[] Others)
{
    public IEnumerable<string> All => new[] { Dutch, English }.Concat(Others);
}

/// <summary>
/// One field of a project and its name on every way in and out. A null name means that way does not carry the
/// field; <see cref="ProjectFields"/> says which and why. A list field (answers, measured outcomes) holds one value
/// per question or outcome: its form key and batch names are prefixes ("a.", "answers.") and its CLI option is
/// repeated as key=value.
/// </summary>
public sealed record ProjectField
{
    /// <summary>The JSON name; a dot nests it in an object ("costs.staff" is "staff" inside "costs"). Field messages name this.</summary>
    public required string Json { get; init; }

    /// <summary>The key in the web's forms and addresses (short Dutch words; a prefix for a list field).</summary>
    public string? FormKey { get; init; }

    /// <summary>The command line option of compute and explain.</summary>
    public string? CliOption { get; init; }

    /// <summary>What the CLI help shows after the option, e.g. "euro".</summary>
    public string? CliValue { get; init; }

    public BatchNames? Batch { get; init; }

    /// <summary>The wizard step (1 to 3) where the field is entered, and where its messages show.</summary>
    public required int Step { get; init; }

    public required FieldKind Kind { get; init; }

    public bool IsList { get; init; }

    /// <summary>The field's name in a message, lower case: "aantal deelnemers" / "number of participants".</summary>
    public required Text Label { get; init; }

    /// <summary>What the field holds, for help texts and the API's schema.</summary>
    public required Text Description { get; init; }

    /// <summary>True for the fields that together are the costs: any one given replaces all of them.</summary>
    public bool IsCost => Json == "cost" || Json.StartsWith(ProjectFields.CostsObject + ".", StringComparison.Ordinal);

    /// <summary>A number in a JSON file is accepted for this field (and written as a number in the API's schema).</summary>
    public bool TakesNumbers => Kind is not (FieldKind.Text or FieldKind.Date);

    /// <summary>
    /// The text as the engine reads it, written back without ambiguity ("90.000" becomes "90000", "2,25" "2.25"), so
    /// an address or a file holds the number itself; text that is no number is returned as it is.
    /// </summary>
    public string? Format(string? text)
    {
        var reading = Kind switch
        {
            FieldKind.Whole or FieldKind.Money or FieldKind.Hours => NumberText.ReadAmount(text),
            FieldKind.Decimal => NumberText.ReadDecimal(text),
            _ => null,
        };
        return reading is { IsNumber: true, Value: { } value } ? NumberText.Write(value) : text;
    }

    public override string ToString() => Json;
}

/// <summary>
/// The one list of a project's fields. <see cref="ProjectRequestJson"/>, the web's form and address state, the
/// batch columns, the CLI's options and the API's schema are all made from it: a field added here reaches each of
/// them. The order is the order of a written project file.
/// </summary>
public static class ProjectFields
{
    /// <summary>The JSON object that groups the costs by category.</summary>
    public const string CostsObject = "costs";

    /// <summary>The file's stamp; only project files carry it (the CLI reads it from --input, the web from the loaded file).</summary>
    public static readonly ProjectField ModelVersion = new()
    {
        Label = new("modelversie", "model version"),
        Json = "modelVersion", Step = 1, Kind = FieldKind.Text,
        Description = new("De modelversie waarmee het bestand is gemaakt; een bestand van een andere versie wordt geweigerd.", "The model version the file was made with; a file from another version is refused."),
    };

    public static readonly ProjectField ReferenceProject = new()
    {
        Label = new("referentieproject", "reference project"),
        Json = "referenceProject", FormKey = "ref", CliOption = "--reference", CliValue = "id", Batch = new("referentieproject", "referenceproject", "reference"),
        Step = 1, Kind = FieldKind.Text,
        Description = new("Het referentieproject (zie: model list).", "The reference project (see: model list)."),
    };

    public static readonly ProjectField Name = new()
    {
        Label = new("naam", "name"),
        Json = "name", FormKey = "naam", CliOption = "--name", Batch = new("naam", "name"), Step = 1, Kind = FieldKind.Text,
        Description = new("Naam van het project.", "The project's name."),
    };

    public static readonly ProjectField Start = new()
    {
        Label = new("startdatum", "start date"),
        Json = "start", FormKey = "start", CliOption = "--start", CliValue = "yyyy-mm-dd", Batch = new("start", "start", "startdatum"), Step = 1, Kind = FieldKind.Date,
        Description = new("Startdatum, bijvoorbeeld 2026-09-01.", "Start date, for example 2026-09-01."),
    };

    public static readonly ProjectField Months = new()
    {
        Label = new("looptijd in maanden", "duration in months"),
        Json = "months", FormKey = "maanden", CliOption = "--months", CliValue = "n", Batch = new("maanden", "months", "looptijd"), Step = 1, Kind = FieldKind.Whole,
        Description = new("Looptijd in maanden (standaard die van het referentieproject).", "Duration in months (default: the reference project's)."),
    };

    public static readonly ProjectField Phase = new()
    {
        Label = new("fase", "phase"),
        Json = "phase", FormKey = "fase", CliOption = "--phase", CliValue = "plan|evaluatie", Batch = new("fase", "phase"), Step = 1, Kind = FieldKind.Text,
        Description = new("Fase: plan (vooraf) of evaluatie (achteraf).", "Phase: plan (ex ante) or evaluatie (ex post)."),
    };

    public static readonly ProjectField Participants = new()
    {
        Label = new("aantal deelnemers", "number of participants"),
        Json = "participants", FormKey = "deelnemers", CliOption = "--participants", CliValue = "n", Batch = new("deelnemers", "participants"), Step = 2, Kind = FieldKind.Whole,
        Description = new("Aantal deelnemers.", "Number of participants."),
    };

    public static readonly ProjectField Cost = new()
    {
        Label = new("totale kosten", "total costs"),
        Json = "cost", FormKey = "kosten", CliOption = "--cost", CliValue = "euro", Batch = new("kosten", "cost", "costs"), Step = 2, Kind = FieldKind.Money,
        Description = new("Totale kosten in euro's, bijvoorbeeld 90000, 90.000 of 90000,50.",
            "Total costs in euros, for example 90000 or 90000.50 (a point before three digits separates thousands, as in Dutch: 90.000 is 90000)."),
    };

    public static readonly ProjectField StaffCost = new()
    {
        Label = new("personeelskosten", "staff costs"),
        Json = "costs.staff", FormKey = "personeel", CliOption = "--staff-cost", CliValue = "euro", Batch = new("personeel", "staffcost", "staff"), Step = 2, Kind = FieldKind.Money,
        Description = new("Personeelskosten in euro's (in plaats van --cost).", "Staff costs in euros (instead of --cost)."),
    };

    public static readonly ProjectField StaffHours = new()
    {
        Label = new("uren personeel", "staff hours"),
        Json = "costs.staffHours", FormKey = "uren", CliOption = "--staff-hours", CliValue = "uren", Batch = new("uren", "staffhours"), Step = 2, Kind = FieldKind.Hours,
        Description = new("Uren personeel; met --staff-rate de personeelskosten (in plaats van --staff-cost).", "Staff hours; with --staff-rate they make the staff costs (instead of --staff-cost)."),
    };

    public static readonly ProjectField StaffRate = new()
    {
        Label = new("uurtarief personeel", "staff hourly rate"),
        Json = "costs.staffRate", FormKey = "uurtarief", CliOption = "--staff-rate", CliValue = "euro", Batch = new("uurtarief", "staffrate"), Step = 2, Kind = FieldKind.Money,
        Description = new("Uurtarief personeel in euro's, bij --staff-hours.", "Staff hourly rate in euros, with --staff-hours."),
    };

    public static readonly ProjectField VolunteerCost = new()
    {
        Label = new("vrijwilligerskosten", "volunteers' expenses"),
        Json = "costs.volunteers", FormKey = "vrijwilligers", CliOption = "--volunteer-cost", CliValue = "euro", Batch = new("vrijwilligers", "volunteercost", "volunteers"),
        Step = 2, Kind = FieldKind.Money,
        Description = new("Vrijwilligerskosten in euro's.", "Volunteers' expenses in euros."),
    };

    public static readonly ProjectField MaterialCost = new()
    {
        Label = new("materiaalkosten", "material costs"),
        Json = "costs.material", FormKey = "materiaal", CliOption = "--material-cost", CliValue = "euro", Batch = new("materiaal", "materialcost", "material"),
        Step = 2, Kind = FieldKind.Money,
        Description = new("Materiaalkosten in euro's.", "Material costs in euros."),
    };

    public static readonly ProjectField OverheadCost = new()
    {
        Label = new("overhead", "overhead"),
        Json = "costs.overhead", FormKey = "overhead", CliOption = "--overhead-cost", CliValue = "euro", Batch = new("overhead", "overheadcost"), Step = 2, Kind = FieldKind.Money,
        Description = new("Overhead in euro's.", "Overhead in euros."),
    };

    public static readonly ProjectField OwnHours = new()
    {
        Label = new("eigen uren sociaal werk", "own social-work hours"),
        Json = "ownHours", FormKey = "eigenuren", CliOption = "--own-hours", CliValue = "uren", Batch = new("eigenuren", "ownhours"), Step = 2, Kind = FieldKind.Hours,
        Description = new("Eigen uren sociaal werk van het project.", "The project's own social-work hours."),
    };

    /// <summary>The answer per question of step 3, as question id to option id.</summary>
    public static readonly ProjectField Answers = new()
    {
        Label = new("antwoord", "answer"),
        Json = "answers", FormKey = "a.", CliOption = "--answer", CliValue = "vraag=antwoord", Batch = new("a.", "answers."), Step = 3, Kind = FieldKind.Text, IsList = true,
        Description = new("Antwoord op een vraag over de werkwijze, als vraag=antwoord (herhaalbaar).", "Answer to a question on the way of working, as question=option (repeatable)."),
    };

    /// <summary>The measured change per participant in an evaluation, as outcome id to value.</summary>
    public static readonly ProjectField Measured = new()
    {
        Label = new("gemeten uitkomst", "measured outcome"),
        Json = "measured", FormKey = "m.", CliOption = "--measured", CliValue = "uitkomst=waarde", Batch = new("m.", "measured."), Step = 3, Kind = FieldKind.Decimal, IsList = true,
        Description = new("Gemeten uitkomst per deelnemer bij evaluatie, als uitkomst=waarde (herhaalbaar).", "Measured outcome per participant in an evaluation, as outcome=value (repeatable)."),
    };

    public static readonly ProjectField DiscountRate = new()
    {
        Label = new("discontovoet (procent)", "discount rate (percent)"),
        Json = "discountRate", FormKey = "discontovoet", CliOption = "--discount-rate", CliValue = "procent", Batch = new("discontovoet", "discountrate"), Step = 2, Kind = FieldKind.Decimal,
        Description = new("Discontovoet in procent per jaar, bijvoorbeeld 2,25.", "Discount rate in percent a year, for example 2.25."),
    };

    /// <summary>Not in the web's addresses: the web always draws the model's default number with the default seed.</summary>
    public static readonly ProjectField Draws = new()
    {
        Label = new("aantal trekkingen", "number of draws"),
        Json = "draws", CliOption = "--draws", CliValue = "n", Step = 2, Kind = FieldKind.Whole,
        Description = new("Aantal Monte-Carlotrekkingen (standaard uit het model; 0 voor geen).", "Number of Monte Carlo draws (default from the model; 0 for none)."),
    };

    public static readonly ProjectField Seed = new()
    {
        Label = new("startgetal (seed)", "seed"),
        Json = "seed", CliOption = "--seed", CliValue = "n", Step = 2, Kind = FieldKind.Whole,
        Description = new("Startgetal voor de trekkingen: zelfde seed, zelfde uitkomst.", "Seed for the draws: same seed, same result."),
    };

    /// <summary>Every field, in the order a project file is written.</summary>
    public static readonly IReadOnlyList<ProjectField> All =
    [
        ModelVersion, ReferenceProject, Name, Start, Months, Phase, Participants, Cost, StaffCost, StaffHours, StaffRate, VolunteerCost,
        MaterialCost, OverheadCost, OwnHours, Answers, Measured, DiscountRate, Draws, Seed,
    ];

    /// <summary>The fields without which no project can be computed, besides the costs (a total or by category).</summary>
    public static readonly IReadOnlyList<ProjectField> Required = [ReferenceProject, Participants];

    /// <summary>The fields that together are the costs (a total, or by category).</summary>
    public static IEnumerable<ProjectField> Costs => All.Where(f => f.IsCost);

    /// <summary>The field with this JSON name, or null.</summary>
    public static ProjectField? ByJson(string json) => All.FirstOrDefault(f => f.Json == json);

    /// <summary>
    /// The field a message names: its own field, or for "answers.x" and "measured.x" the list; null for names that are
    /// no single field ("$", "costs").
    /// </summary>
    public static ProjectField? Of(string messageField)
    {
        ArgumentNullException.ThrowIfNull(messageField);
        return ByJson(messageField) ?? All.FirstOrDefault(f => f.IsList && messageField.StartsWith(f.Json + ".", StringComparison.Ordinal));
    }
}
