using System.Globalization;
using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Engine.Calculation;

/// <summary>Turns what a user typed into a valid <see cref="ProjectInput"/>, or into messages per field. Never throws on user input.</summary>
public static class ProjectRequestValidator
{
    public const int MaxParticipants = 1_000_000;
    public const int MaxMonths = 120;
    public const int MaxNameLength = 200;
    public const int MaxDraws = 100_000;
    public const decimal MaxCost = 1_000_000_000m;
    public const decimal MaxOwnHours = 10_000_000m;
    public const decimal MaxDiscountRatePercent = 10m;
    public const decimal MaxMeasured = 100_000m;

    /// <summary>Validates the project part of a request against the model.</summary>
    /// <summary>
    /// True when <paramref name="text"/> has no control characters, no noncharacters (U+FDD0..U+FDEF and the last
    /// two code points of every plane) and no unpaired surrogates.
    /// </summary>
    public static bool IsPrintableText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (!System.Text.Rune.TryGetRuneAt(text, i, out var rune))
            {
                return false;
            }
            var value = rune.Value;
            if (System.Text.Rune.IsControl(rune) || value is >= 0xFDD0 and <= 0xFDEF || (value & 0xFFFE) == 0xFFFE)
            {
                return false;
            }
            i += rune.Utf16SequenceLength - 1;
        }
        return true;
    }

    public static Validated<ProjectInput> Validate(ImpactModel model, ProjectRequest request)
    {
        var errors = new List<FieldError>();

        if (!string.IsNullOrWhiteSpace(request.ModelVersion) && request.ModelVersion.Trim() != model.Version)
        {
            errors.Add(Error("modelVersion", $"Dit projectbestand is gemaakt met model {request.ModelVersion}; deze Impactkaart rekent met model {model.Version}. Vul het project opnieuw in, of haal 'modelVersion' uit het bestand om het met het huidige model te laden.",
                $"This project file was made with model {request.ModelVersion}; this Impactkaart computes with model {model.Version}. Fill in the project again, or remove 'modelVersion' from the file to load it with the current model."));
        }
        var project = ReadReferenceProject(model, request.ReferenceProject, errors);
        var name = request.Name?.Trim();
        if (name is { Length: > MaxNameLength })
        {
            errors.Add(Error("name", $"De naam is te lang: {Nl(name.Length)} tekens, en er passen er {Nl(MaxNameLength)}.", $"The name is too long: {En(name.Length)} characters, and {En(MaxNameLength)} fit."));
        }
        else if (name is not null && !IsPrintableText(name))
        {
            // A control character, a noncharacter (U+FFFE, U+FFFF, ...) or half a surrogate pair cannot be written
            // into the map's SVG, PDF or headers: say so here rather than fail while rendering.
            errors.Add(Error("name", "De naam bevat een teken dat niet kan worden afgedrukt; haal het weg.", "The name contains a character that cannot be printed; remove it."));
        }
        if (name is { Length: 0 })
        {
            name = null;
        }
        var start = ReadDate(request.Start, "start", errors);
        // Without a duration the reference project's typical one applies; without a known project that default is
        // unknown too, but the project's own message already says what to fix.
        var months = request.Months is null && project is not null
            ? project.TypicalDurationMonths
            : ReadInteger(request, ProjectFields.Months, 1, MaxMonths, errors, required: project is not null);
        var participants = ReadInteger(request, ProjectFields.Participants, 1, MaxParticipants, errors, required: true);
        var costs = ReadCosts(request, project, errors);
        var ownHours = ReadHours(request, ProjectFields.OwnHours, errors);
        var phase = ReadPhase(request.Phase, errors);
        var discountPercent = ReadDecimal(request[ProjectFields.DiscountRate], ProjectFields.DiscountRate.Json, ProjectFields.DiscountRate.Label, 0m, MaxDiscountRatePercent, errors);
        var answers = project is null ? new Dictionary<string, QuestionOption>() : ReadAnswers(project, request.Answers, errors);
        var measured = project is null ? new Dictionary<string, decimal>() : ReadMeasured(project, request.Measured, phase, errors);

        if (errors.Count > 0 || project is null || months is null || participants is null || costs is null)
        {
            return Validated.Fail<ProjectInput>(errors);
        }
        var rate = discountPercent is { } p ? Fraction.FromDecimal(p / 100m) : Fraction.FromDecimal(model.DiscountRate.Central);
        // The project's own hours are the staff hours when the costs were given as hours times a rate.
        ownHours ??= string.IsNullOrWhiteSpace(request.StaffHours) ? null : NumberText.ReadAmount(request.StaffHours).Value;
        return Validated.Ok(new ProjectInput(project, name, start, months.Value, participants.Value, costs,
            ownHours is { } h ? Hours.FromDecimal(h) : null, answers, phase ?? Phase.Plan, measured, rate));
    }

    /// <summary>Validates the simulation part of a request: draws (default from the model) and seed.</summary>
    public static Validated<SimulationSettings> ValidateSimulation(ImpactModel model, ProjectRequest request)
    {
        var errors = new List<FieldError>();
        var draws = ReadInteger(request, ProjectFields.Draws, 0, MaxDraws, errors, required: false);
        ulong seed = SimulationSettings.DefaultSeed;
        if (!string.IsNullOrWhiteSpace(request.Seed) && !ulong.TryParse(request.Seed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out seed))
        {
            errors.Add(Error("seed", $"Het startgetal (seed) moet een heel getal van 0 of meer zijn; u gaf '{request.Seed}'.", $"The seed must be a whole number of 0 or more; you gave '{request.Seed}'."));
        }
        return errors.Count > 0
            ? Validated.Fail<SimulationSettings>(errors)
            : Validated.Ok(new SimulationSettings(draws ?? model.DefaultDraws, seed));
    }

    private static ReferenceProject? ReadReferenceProject(ImpactModel model, string? id, List<FieldError> errors)
    {
        var choices = model.ReferenceProjects.Select(p => (p.Label, p.Id)).ToList();
        if (string.IsNullOrWhiteSpace(id))
        {
            // The web's form shows every choice right under the message, so there it does not list them again.
            errors.Add(Choice("referenceProject", choices, "Kies een referentieproject. Mogelijk zijn: {0}.", "Choose a reference project. Possible are: {0}.") with
            {
                Message = new Text("Kies het referentieproject dat het meest op uw project lijkt.", "Choose the reference project most like your project."),
            });
            return null;
        }
        var project = model.FindReferenceProject(id.Trim());
        if (project is null)
        {
            errors.Add(Choice("referenceProject", choices, $"Het referentieproject '{id}' bestaat niet. Mogelijk zijn: {{0}}.", $"The reference project '{id}' does not exist. Possible are: {{0}}."));
        }
        return project;
    }

    private static ProjectCosts? ReadCosts(ProjectRequest request, ReferenceProject? project, List<FieldError> errors)
    {
        var hasTotal = !string.IsNullOrWhiteSpace(request.Cost);
        var hasParts = ProjectFields.Costs.Any(f => f != ProjectFields.Cost && !string.IsNullOrWhiteSpace(request[f]));
        if (hasTotal && hasParts)
        {
            errors.Add(Error("cost", "Geef de kosten als totaal of per soort (personeel, vrijwilligers, materiaal, overhead), niet allebei.", "Give the costs as a total or by category (staff, volunteers, material, overhead), not both."));
            return null;
        }
        if (!hasTotal && !hasParts)
        {
            var hint = project is null ? "" : string.Create(CultureInfo.GetCultureInfo("nl-NL"), $" Voor {project.Label.Nl} is ongeveer {project.TypicalCostPerParticipant.Central:N0} euro per deelnemer gebruikelijk.");
            var hintEn = project is null ? "" : string.Create(CultureInfo.InvariantCulture, $" For {project.Label.En} about {project.TypicalCostPerParticipant.Central:N0} euro per participant is usual.");
            errors.Add(Error("cost", "Vul de kosten van het project in (totaal, of per soort)." + hint, "Fill in the project's costs (total, or by category)." + hintEn));
            return null;
        }
        if (hasTotal)
        {
            var total = ReadMoney(request, ProjectFields.Cost, errors);
            if (total is 0m)
            {
                errors.Add(Error("cost", "De totale kosten moeten groter dan 0 zijn.", "The total costs must be above 0."));
                return null;
            }
            return total is { } t ? ProjectCosts.FromTotal(Money.FromEuros(t)) : null;
        }
        var staff = ReadStaff(request, errors) ?? 0m;
        var volunteers = ReadMoney(request, ProjectFields.VolunteerCost, errors) ?? 0m;
        var material = ReadMoney(request, ProjectFields.MaterialCost, errors) ?? 0m;
        var overhead = ReadMoney(request, ProjectFields.OverheadCost, errors) ?? 0m;
        var sum = staff + volunteers + material + overhead;
        if (errors.Count > 0)
        {
            return null;
        }
        if (sum <= 0m)
        {
            errors.Add(Error("cost", "De kosten samen moeten groter dan 0 zijn.", "The costs together must be above 0."));
            return null;
        }
        if (sum > MaxCost)
        {
            errors.Add(Error("cost", "De kosten samen zijn meer dan 1 miljard euro; controleer de bedragen.", "The costs together exceed 1 billion euro; check the amounts."));
            return null;
        }
        return ProjectCosts.FromCategories(Money.FromEuros(staff), Money.FromEuros(volunteers), Money.FromEuros(material), Money.FromEuros(overhead));
    }

    /// <summary>Staff costs: given as an amount, or as hours times an hourly rate (not both).</summary>
    private static decimal? ReadStaff(ProjectRequest request, List<FieldError> errors)
    {
        var hasHours = !string.IsNullOrWhiteSpace(request.StaffHours);
        var hasRate = !string.IsNullOrWhiteSpace(request.StaffRate);
        if (!hasHours && !hasRate)
        {
            return ReadMoney(request, ProjectFields.StaffCost, errors);
        }
        if (!string.IsNullOrWhiteSpace(request.StaffCost))
        {
            errors.Add(Error("costs.staff", "Geef de personeelskosten als bedrag of als uren maal uurtarief, niet allebei.", "Give the staff costs as an amount or as hours times an hourly rate, not both."));
            return null;
        }
        var hours = ReadHours(request, ProjectFields.StaffHours, errors);
        var rate = ReadMoney(request, ProjectFields.StaffRate, errors);
        if (!hasHours)
        {
            errors.Add(Error("costs.staffHours", "Uren personeel: vul het aantal uren in bij het uurtarief.", "Staff hours: fill in the number of hours with the hourly rate."));
        }
        if (!hasRate)
        {
            errors.Add(Error("costs.staffRate", "Uurtarief personeel: vul het uurtarief in bij de uren.", "Staff hourly rate: fill in the hourly rate with the hours."));
        }
        if (rate is > 10_000m)
        {
            errors.Add(Error("costs.staffRate", $"Uurtarief personeel: een uurtarief boven 10.000 euro is niet aannemelijk; u gaf '{request.StaffRate}'.", $"Staff hourly rate: a rate above 10,000 euro is not plausible; you gave '{request.StaffRate}'."));
            return null;
        }
        return hours is { } h && rate is { } r ? h * r : null;
    }

    /// <summary>An amount of euros, read as a Dutch user means it (see <see cref="NumberText"/>): "90.000" is ninety thousand.</summary>
    private static decimal? ReadMoney(ProjectRequest request, ProjectField field, List<FieldError> errors)
    {
        var text = request[field];
        return ReadAmount(text, field.Json, field.Label.Nl, field.Label.En, 0m, MaxCost, errors,
            $"{Capital(field.Label.Nl)}: '{text}' is geen bedrag; schrijf bijvoorbeeld 90.000 of 90000,50.",
            $"{Capital(field.Label.En)}: '{text}' is not an amount; write for example 90000 or 90000.50.");
    }

    /// <summary>A number of hours, read like an amount: "1.250" is one thousand two hundred and fifty hours.</summary>
    private static decimal? ReadHours(ProjectRequest request, ProjectField field, List<FieldError> errors)
    {
        var text = request[field];
        return ReadAmount(text, field.Json, field.Label.Nl, field.Label.En, 0m, MaxOwnHours, errors,
            $"{Capital(field.Label.Nl)}: '{text}' is geen aantal uren; schrijf bijvoorbeeld 1.250 of 1250,5.",
            $"{Capital(field.Label.En)}: '{text}' is not a number of hours; write for example 1250 or 1250.5.");
    }

    private static decimal? ReadAmount(string? text, string field, string labelNl, string labelEn, decimal min, decimal max, List<FieldError> errors,
        string notAnAmountNl, string notAnAmountEn)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var reading = NumberText.ReadAmount(text);
        switch (reading.Problem)
        {
            case NumberProblem.None:
                return InRange(reading.Value!.Value, text, field, labelNl, labelEn, min, max, errors);
            case NumberProblem.CommaBeforeThreeDigits:
                errors.Add(CommaBeforeThreeDigits(text, reading.Meant!.Value, field, labelNl, labelEn));
                return null;
            default:
                errors.Add(Error(field, notAnAmountNl, notAnAmountEn));
                return null;
        }
    }

    /// <summary>A plain decimal (a measured outcome, the discount rate): a point or a comma for decimals, no thousands separators.</summary>
    private static decimal? ReadDecimal(string? text, string field, Text label, decimal min, decimal max, List<FieldError> errors)
    {
        var (labelNl, labelEn) = (label.Nl, label.En);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (NumberText.ReadDecimal(text).Value is not { } value)
        {
            errors.Add(Error(field, $"{Capital(labelNl)}: '{text}' is geen getal. Gebruik cijfers, met een komma of punt voor decimalen.",
                $"{Capital(labelEn)}: '{text}' is not a number. Use digits, with a comma or point for decimals."));
            return null;
        }
        return InRange(value, text, field, labelNl, labelEn, min, max, errors);
    }

    private static decimal? InRange(decimal value, string text, string field, string labelNl, string labelEn, decimal min, decimal max, List<FieldError> errors)
    {
        if (value < min || value > max)
        {
            errors.Add(Error(field, $"{Capital(labelNl)}: moet tussen {Nl(min)} en {Nl(max)} liggen; u gaf '{text}'.",
                $"{Capital(labelEn)}: must lie between {En(min)} and {En(max)}; you gave '{text}'."));
            return null;
        }
        return value;
    }

    /// <summary>A whole number, read like an amount: "1.000" deelnemers are a thousand.</summary>
    private static int? ReadInteger(ProjectRequest request, ProjectField projectField, int min, int max, List<FieldError> errors, bool required)
    {
        var (text, field, labelNl, labelEn) = (request[projectField], projectField.Json, projectField.Label.Nl, projectField.Label.En);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(Error(field, $"{Capital(labelNl)}: vul een heel getal in tussen {Nl(min)} en {Nl(max)}.", $"{Capital(labelEn)}: fill in a whole number between {En(min)} and {En(max)}."));
            }
            return null;
        }
        var reading = NumberText.ReadAmount(text);
        if (reading.Problem == NumberProblem.CommaBeforeThreeDigits)
        {
            errors.Add(CommaBeforeThreeDigits(text, reading.Meant!.Value, field, labelNl, labelEn));
            return null;
        }
        if (reading.Value is not { } value || value != decimal.Truncate(value))
        {
            errors.Add(Error(field, $"{Capital(labelNl)}: '{text}' is geen heel getal; vul een heel getal in tussen {Nl(min)} en {Nl(max)}.",
                $"{Capital(labelEn)}: '{text}' is not a whole number; fill in a whole number between {En(min)} and {En(max)}."));
            return null;
        }
        return InRange(value, text, field, labelNl, labelEn, min, max, errors) is { } v ? (int)v : null;
    }

    /// <summary>"90,000": ninety with three decimals in Dutch, ninety thousand in English; the message suggests the thousands.</summary>
    private static FieldError CommaBeforeThreeDigits(string text, decimal meant, string field, string labelNl, string labelEn) =>
        Error(field, $"{Capital(labelNl)}: '{text}' is niet eenduidig, want een komma staat hier voor decimalen. Bedoelt u {Nl(meant)}? Schrijf dan {Nl(meant)} of {NumberText.Write(meant)}.",
            $"{Capital(labelEn)}: '{text}' is ambiguous, because a comma marks decimals here, as in Dutch. For {En(meant)} write {NumberText.Write(meant)} (or {Nl(meant)}).");

    private static DateOnly? ReadDate(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "d-M-yyyy"];
        if (DateOnly.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 2000 and <= 2100)
        {
            return date;
        }
        // The same format as the form's hint asks for: day-month-year first, the ISO form as the alternative.
        errors.Add(Error(field, $"Startdatum: '{text}' is geen geldige datum; schrijf dag-maand-jaar, bijvoorbeeld 1-9-2026 (of 2026-09-01), tussen 2000 en 2100.",
            $"Start date: '{text}' is not a valid date; write day-month-year, for example 1-9-2026 (or 2026-09-01), between 2000 and 2100."));
        return null;
    }

    private static Phase? ReadPhase(string? text, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (PhaseWord.Parse(text) is { } phase)
        {
            return phase;
        }
        errors.Add(Error("phase", $"Fase: '{text}' is onbekend; kies plan of evaluatie.", $"Phase: '{text}' is unknown; choose plan or evaluation."));
        return null;
    }

    private static Dictionary<string, QuestionOption> ReadAnswers(ReferenceProject project, Dictionary<string, string?> given, List<FieldError> errors)
    {
        var answers = new Dictionary<string, QuestionOption>(StringComparer.Ordinal);
        var questions = project.Questions.Select(q => (q.Label, q.Id)).ToList();
        foreach (var (questionId, optionId) in given)
        {
            var question = project.Questions.FirstOrDefault(q => q.Id == questionId.Trim());
            if (question is null)
            {
                // The question is only known by what was given; the message names the questions that do belong.
                errors.Add(Choice($"answers.{questionId}", questions, $"Er is een antwoord gegeven op een vraag ('{questionId}') die niet bij {project.Label.Nl} hoort. De vragen zijn: {{0}}",
                    $"An answer was given to a question ('{questionId}') that does not belong to {project.Label.En}. The questions are: {{0}}"));
                continue;
            }
            var options = question.Options.Select(o => (o.Label, o.Id)).ToList();
            if (string.IsNullOrWhiteSpace(optionId))
            {
                errors.Add(Choice($"answers.{question.Id}", options, $"'{question.Label.Nl}' heeft geen antwoord. Kies uit: {{0}}.",
                    $"'{question.Label.En}' has no answer. Choose from: {{0}}."));
                continue;
            }
            var option = question.Options.FirstOrDefault(o => o.Id == optionId.Trim());
            if (option is null)
            {
                errors.Add(Choice($"answers.{question.Id}", options, $"Het antwoord '{optionId}' past niet bij '{question.Label.Nl}'. Kies uit: {{0}}.",
                    $"The answer '{optionId}' does not fit '{question.Label.En}'. Choose from: {{0}}."));
                continue;
            }
            answers[question.Id] = option;
        }
        return answers;
    }

    private static Dictionary<string, decimal> ReadMeasured(ReferenceProject project, Dictionary<string, string?> given, Phase? phase, List<FieldError> errors)
    {
        var measured = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (given.Count > 0 && phase != Phase.Evaluation)
        {
            errors.Add(Error("measured", "Gemeten uitkomsten horen bij de evaluatie: kies fase 'evaluatie' om ze te gebruiken.",
                "Measured outcomes belong to the evaluation: choose phase 'evaluation' to use them."));
            return measured;
        }
        var outcomes = project.Outcomes.Select(o => (o.Label, o.Id)).ToList();
        foreach (var (outcomeId, text) in given)
        {
            var outcome = project.Outcomes.FirstOrDefault(o => o.Id == outcomeId.Trim());
            if (outcome is null)
            {
                errors.Add(Choice($"measured.{outcomeId}", outcomes, $"De gemeten uitkomst '{outcomeId}' hoort niet bij {project.Label.Nl}. De uitkomsten zijn: {{0}}.",
                    $"The measured outcome '{outcomeId}' does not belong to {project.Label.En}. The outcomes are: {{0}}."));
                continue;
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add(Error($"measured.{outcome.Id}", $"{ProjectFields.Measured.Label.Nl} '{outcome.Label.Nl}' heeft geen waarde; geef de gemeten verandering per deelnemer in {outcome.Unit.Label.Nl}.",
                    $"{ProjectFields.Measured.Label.En} '{outcome.Label.En}' has no value; give the measured change per participant in {outcome.Unit.Label.En}."));
                continue;
            }
            var value = ReadDecimal(text, $"{ProjectFields.Measured.Json}.{outcome.Id}",
                new Text($"{ProjectFields.Measured.Label.Nl} '{outcome.Label.Nl}' ({outcome.Unit.Label.Nl} per deelnemer)", $"{ProjectFields.Measured.Label.En} '{outcome.Label.En}' ({outcome.Unit.Label.En} per participant)"),
                0m, MaxMeasured, errors);
            if (value is { } v)
            {
                measured[outcome.Id] = v;
            }
        }
        return measured;
    }

    private static FieldError Error(string field, string nl, string en) => new(field, new Text(nl, en));

    /// <summary>
    /// A message that lists what may be chosen (in place of {0}): by name, as the web's forms show the choices, and by
    /// name with its id for where the user types ids ("Budgetcoaching (budgetcoaching)").
    /// </summary>
    private static FieldError Choice(string field, IReadOnlyList<(Text Label, string Id)> choices, string nl, string en) =>
        // Replace, not string.Format: the texts hold what the user gave, which may contain braces.
        new(field, new Text(nl.Replace("{0}", Names(choices, Language.Nl, withIds: false), StringComparison.Ordinal), en.Replace("{0}", Names(choices, Language.En, withIds: false), StringComparison.Ordinal)))
        {
            WithIds = new Text(nl.Replace("{0}", Names(choices, Language.Nl, withIds: true), StringComparison.Ordinal), en.Replace("{0}", Names(choices, Language.En, withIds: true), StringComparison.Ordinal)),
        };

    private static string Names(IReadOnlyList<(Text Label, string Id)> choices, Language language, bool withIds) =>
        string.Join(", ", choices.Select(c => withIds ? $"{c.Label[language]} ({c.Id})" : c.Label[language]));

    private static string Capital(string s) => char.ToUpper(s[0], CultureInfo.InvariantCulture) + s[1..];

    private static string Nl(decimal d) => d.ToString("#,0.##", CultureInfo.GetCultureInfo("nl-NL"));

    private static string En(decimal d) => d.ToString("#,0.##", CultureInfo.InvariantCulture);
}
