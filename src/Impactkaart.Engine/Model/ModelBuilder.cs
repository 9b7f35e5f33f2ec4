using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Impactkaart.Engine.Model;

/// <summary>Validates the model files and resolves them into an <see cref="ImpactModel"/>, collecting every problem.</summary>
internal sealed partial class ModelBuilder(IReadOnlyList<ModelFile> files)
{
    private const decimal MinMultiplier = 0.5m;
    private const decimal MaxMultiplier = 1.5m;
    private const int MinQuestions = 4;
    private const int MaxQuestions = 8;

    private readonly List<ModelProblem> problems = [];
    private string file = "";

    private Dictionary<string, Source> sources = [];
    private Dictionary<string, Unit> units = [];
    private Dictionary<string, Payer> payers = [];
    private Dictionary<string, Domain> domains = [];
    private Dictionary<string, Sector> sectors = [];
    private Dictionary<string, Profession> professions = [];
    private readonly Dictionary<string, Price> prices = new(StringComparer.Ordinal);
    private Dictionary<string, Theme> themes = [];
    private Dictionary<string, QuestionDto> questionLibrary = [];
    private FrozenDictionary<int, decimal> index = FrozenDictionary<int, decimal>.Empty;
    private int priceYear;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    public ModelLoadResult Build()
    {
        var model = Read<ModelDto>("model.json");
        var sourcesFile = Read<SourcesFileDto>("sources.json");
        var payersFile = Read<PayersFileDto>("payers.json");
        var domainsFile = Read<DomainsFileDto>("domains.json");
        var professionsFile = Read<ProfessionsFileDto>("professions.json");
        var themesFile = Read<ThemesFileDto>("themes.json");
        var questionsFile = Read<QuestionsFileDto>("questions.json");
        var priceFiles = ReadAll<PricesFileDto>("prices/");
        var projectFiles = ReadAll<ReferenceProjectDto>("reference-projects/");
        if (model is null || sourcesFile is null || payersFile is null || domainsFile is null || professionsFile is null
            || themesFile is null || questionsFile is null)
        {
            return new ModelLoadResult(null, problems);
        }

        file = "sources.json";
        sources = BuildAll(sourcesFile.Sources, "sources", BuildSource);
        file = "model.json";
        units = BuildAll(model.Units, "units", (u, p) => new Unit(u.Id!, RequireText(u.Label, p + ".label"), RequireText(u.Plural, p + ".plural")));
        var priceIndex = BuildPriceIndex(model);
        var discountRate = RequireEstimate(model.DiscountRate, "discountRate", 0m, 0.2m);
        var draws = model.DefaultDraws ?? 0;
        if (draws is < 100 or > 1_000_000)
        {
            Problem("defaultDraws", "moet tussen 100 en 1.000.000 liggen.", "must lie between 100 and 1,000,000.");
        }
        var intensity = BuildIntensity(model.Intensity);
        var evidencePolicy = BuildEvidencePolicy(model.Evidence);
        var version = model.Version;
        if (string.IsNullOrWhiteSpace(version))
        {
            Problem("version", "ontbreekt.", "is missing.");
        }

        file = "payers.json";
        payers = BuildAll(payersFile.Payers, "payers", (p, path) => new Payer(p.Id!, RequireText(p.Label, path + ".label"), RequireText(p.Description, path + ".description")));
        file = "domains.json";
        domains = BuildAll(domainsFile.Domains, "domains", (d, path) => new Domain(d.Id!, RequireText(d.Label, path + ".label")));
        file = "professions.json";
        sectors = BuildAll(professionsFile.Sectors, "sectors", (s, path) => new Sector(s.Id!, RequireText(s.Label, path + ".label")));
        professions = BuildAll(professionsFile.Professions, "professions", BuildProfession);
        file = "model.json";
        var ownProfession = Resolve(professions, model.OwnProfession, "ownProfession", "beroep", "profession");

        foreach (var (path, dto) in priceFiles)
        {
            file = path;
            foreach (var (id, price) in BuildAll(dto.Prices, "prices", BuildPrice))
            {
                if (!prices.TryAdd(id, price))
                {
                    Problem("prices", $"prijs-id '{id}' komt in meer dan één bestand voor.", $"price id '{id}' appears in more than one file.");
                }
            }
        }

        file = "themes.json";
        themes = BuildAll(themesFile.Themes, "themes", (t, path) => new Theme(t.Id!, RequireText(t.Label, path + ".label"), RequireText(t.Description, path + ".description")));
        file = "questions.json";
        questionLibrary = (questionsFile.Questions ?? []).Where(q => q.Id is not null).GroupBy(q => q.Id!).ToDictionary(g => g.Key, g => g.First());
        for (var i = 0; i < (questionsFile.Questions?.Count ?? 0); i++)
        {
            BuildQuestion(questionsFile.Questions![i], $"questions[{i}]", null, []);
        }

        var projects = new List<ReferenceProject>();
        foreach (var (path, dto) in projectFiles)
        {
            file = path;
            var project = BuildReferenceProject(dto, path);
            if (project is not null)
            {
                if (projects.Any(p => p.Id == project.Id))
                {
                    Problem("id", $"referentieproject '{project.Id}' bestaat al.", $"reference project '{project.Id}' already exists.");
                }
                projects.Add(project);
            }
        }
        if (projects.Count == 0)
        {
            file = "reference-projects/";
            Problem("", "er is geen enkel referentieproject.", "there is no reference project at all.");
        }

        if (problems.Count > 0 || priceIndex is null || discountRate is null || ownProfession is null || intensity is null || evidencePolicy is null)
        {
            return new ModelLoadResult(null, problems);
        }

        return new ModelLoadResult(
            new ImpactModel(version!, priceYear, discountRate, draws, priceIndex,
                [.. sources.Values], [.. units.Values], [.. payers.Values], [.. domains.Values], [.. sectors.Values],
                [.. professions.Values], [.. prices.Values], [.. themes.Values],
                [.. projects.OrderBy(p => p.Theme.Id, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal)],
                ownProfession, intensity, evidencePolicy),
            []);
    }

    // ---- reading ----

    private T? Read<T>(string path) where T : class
    {
        var match = files.FirstOrDefault(f => f.Path == path);
        if (match is null)
        {
            problems.Add(new ModelProblem(path, "", new Text("dit bestand ontbreekt in het model.", "this file is missing from the model.")));
            return null;
        }
        return Parse<T>(match);
    }

    private List<(string Path, T Dto)> ReadAll<T>(string folder) where T : class =>
        [.. files.Where(f => f.Path.StartsWith(folder, StringComparison.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .Select(f => (f.Path, Dto: Parse<T>(f)))
            .Where(x => x.Dto is not null)
            .Select(x => (x.Path, x.Dto!))];

    private T? Parse<T>(ModelFile modelFile) where T : class
    {
        try
        {
            var dto = JsonSerializer.Deserialize<T>(modelFile.Json, ModelJson.Options);
            if (dto is null)
            {
                problems.Add(new ModelProblem(modelFile.Path, "", new Text("het bestand is leeg (null).", "the file is empty (null).")));
            }
            return dto;
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"regel {line + 1}" : "";
            var whereEn = e.LineNumber is { } lineEn ? $"line {lineEn + 1}" : "";
            problems.Add(new ModelProblem(modelFile.Path, e.Path ?? "", new Text(
                $"geen geldige JSON of een onbekend veld ({where}): {e.Message}",
                $"not valid JSON or an unknown field ({whereEn}): {e.Message}")));
            return null;
        }
    }

    // ---- building blocks ----

    private Dictionary<string, TOut> BuildAll<TIn, TOut>(List<TIn>? items, string path, Func<TIn, string, TOut> build)
        where TIn : class, IHasId
    {
        var result = new Dictionary<string, TOut>(StringComparer.Ordinal);
        if (items is null || items.Count == 0)
        {
            Problem(path, "de lijst ontbreekt of is leeg.", "the list is missing or empty.");
            return result;
        }
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var id = items[i].Id;
            if (!RequireId(id, itemPath + ".id"))
            {
                continue;
            }
            if (result.ContainsKey(id!))
            {
                Problem(itemPath + ".id", $"'{id}' komt twee keer voor.", $"'{id}' appears twice.");
                continue;
            }
            result[id!] = build(items[i], itemPath);
        }
        return result;
    }

    private bool RequireId(string? id, string path)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            Problem(path, "ontbreekt.", "is missing.");
            return false;
        }
        if (!IdPattern().IsMatch(id))
        {
            Problem(path, $"'{id}' is geen geldige id: gebruik kleine letters, cijfers en koppeltekens.", $"'{id}' is not a valid id: use lower-case letters, digits and hyphens.");
            return false;
        }
        return true;
    }

    private Text RequireText(TextDto? text, string path)
    {
        if (text is null || string.IsNullOrWhiteSpace(text.Nl) || string.IsNullOrWhiteSpace(text.En))
        {
            Problem(path, "moet een Nederlandse (nl) en een Engelse (en) tekst hebben.", "must have a Dutch (nl) and an English (en) text.");
            return new Text(text?.Nl ?? "", text?.En ?? "");
        }
        return new Text(text.Nl.Trim(), text.En.Trim());
    }

    private Text? OptionalText(TextDto? text, string path) => text is null ? null : RequireText(text, path);

    private T? Resolve<T>(Dictionary<string, T> known, string? id, string path, string whatNl, string whatEn) where T : class
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            Problem(path, $"ontbreekt (een {whatNl}-id).", $"is missing (a {whatEn} id).");
            return null;
        }
        if (known.TryGetValue(id, out var found))
        {
            return found;
        }
        var allowed = string.Join(", ", known.Keys.Order(StringComparer.Ordinal));
        Problem(path, $"onbekende {whatNl} '{id}'. Bekend zijn: {allowed}.", $"unknown {whatEn} '{id}'. Known are: {allowed}.");
        return null;
    }

    private Basis? RequireBasis(string? sourceId, TextDto? assumption, TextDto? note, string path, bool calibrated = false)
    {
        if (calibrated && (!string.IsNullOrWhiteSpace(sourceId) || assumption is null))
        {
            Problem(path, "is afgestemd op een gepubliceerd voorbeeld (calibrated): geef dan geen bron maar een aanname met de afleiding; een voorbeeld is geen bewijs.",
                "is calibrated to a published example: then give no source but an assumption with the derivation; an example is not evidence.");
            return null;
        }
        if (string.IsNullOrWhiteSpace(sourceId) && assumption is null)
        {
            Problem(path, "heeft geen bron en geen aanname: elk getal in het model moet naar een bron verwijzen of als aanname met reden zijn gemarkeerd.",
                "has no source and no assumption: every number in the model must point to a source or be marked as an assumption with a reason.");
            return null;
        }
        Source? source = null;
        if (!string.IsNullOrWhiteSpace(sourceId))
        {
            source = Resolve(sources, sourceId, path + ".source", "bron", "source");
        }
        return new Basis(source, OptionalText(assumption, path + ".assumption"), OptionalText(note, path + ".note"), calibrated);
    }

    private Estimate? RequireEstimate(EstimateDto? dto, string path, decimal min, decimal max)
    {
        if (dto?.Central is not { } central)
        {
            Problem(path + ".central", "ontbreekt.", "is missing.");
            return null;
        }
        var low = dto.Low ?? central;
        var high = dto.High ?? central;
        if (!(low <= central && central <= high))
        {
            Problem(path, $"laag ({low}) <= midden ({central}) <= hoog ({high}) klopt niet.", $"low ({low}) <= central ({central}) <= high ({high}) does not hold.");
        }
        if (low < min || high > max)
        {
            Problem(path, $"moet tussen {min} en {max} liggen (nu {low} tot {high}).", $"must lie between {min} and {max} (now {low} to {high}).");
        }
        var basis = RequireBasis(dto.Source, dto.Assumption, dto.Note, path, dto.Calibrated == true);
        return basis is null ? null : new Estimate(central, low, high, basis);
    }

    private void Problem(string path, string nl, string en) =>
        problems.Add(new ModelProblem(file, path, new Text(char.ToUpper(nl[0], CultureInfo.InvariantCulture) + nl[1..], char.ToUpper(en[0], CultureInfo.InvariantCulture) + en[1..])));

    // ---- the parts ----

    private Source BuildSource(SourceDto dto, string path)
    {
        if (string.IsNullOrWhiteSpace(dto.Citation))
        {
            Problem(path + ".citation", "ontbreekt.", "is missing.");
        }
        if (dto.Year is not (>= 1950 and <= 2100))
        {
            Problem(path + ".year", "moet een jaartal zijn tussen 1950 en 2100.", "must be a year between 1950 and 2100.");
        }
        if (dto.Url is not null && !Uri.TryCreate(dto.Url, UriKind.Absolute, out _))
        {
            Problem(path + ".url", $"'{dto.Url}' is geen geldig webadres.", $"'{dto.Url}' is not a valid web address.");
        }
        var reliability = dto.Reliability switch
        {
            "official" => Reliability.Official,
            "study" => Reliability.Study,
            "other" => Reliability.Other,
            _ => (Reliability?)null,
        };
        if (reliability is null)
        {
            Problem(path + ".reliability", $"'{dto.Reliability}' is onbekend; kies official, study of other.", $"'{dto.Reliability}' is unknown; choose official, study or other.");
        }
        return new Source(dto.Id!, dto.Citation ?? "", dto.Year ?? 0, dto.Url, reliability ?? Reliability.Other, OptionalText(dto.Note, path + ".note"));
    }

    private PriceIndex? BuildPriceIndex(ModelDto model)
    {
        if (model.PriceYear is not { } year)
        {
            Problem("priceYear", "ontbreekt.", "is missing.");
            return null;
        }
        priceYear = year;
        var dto = model.PriceIndex;
        if (dto?.YearlyChangePercent is null || dto.BaseYear is not { } baseYear)
        {
            Problem("priceIndex", "ontbreekt of mist baseYear en yearlyChangePercent.", "is missing or lacks baseYear and yearlyChangePercent.");
            return null;
        }
        var source = Resolve(sources, dto.Source, "priceIndex.source", "bron", "source");
        var changes = new SortedDictionary<int, decimal>();
        foreach (var (key, value) in dto.YearlyChangePercent)
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                Problem("priceIndex.yearlyChangePercent", $"'{key}' is geen jaartal.", $"'{key}' is not a year.");
                continue;
            }
            changes[y] = value;
        }
        var years = changes.Keys.ToList();
        if (years.Count == 0 || years.Zip(years.Skip(1)).Any(p => p.Second != p.First + 1))
        {
            Problem("priceIndex.yearlyChangePercent", "moet aaneengesloten jaren bevatten.", "must hold consecutive years.");
            return null;
        }
        // Index = 100 in the base year; each year's index is the previous one times (1 + change).
        var indexByYear = new Dictionary<int, decimal> { [years[0] - 1] = 1m };
        foreach (var y in years)
        {
            indexByYear[y] = indexByYear[y - 1] * (1m + changes[y] / 100m);
        }
        if (!indexByYear.TryGetValue(baseYear, out var baseValue))
        {
            Problem("priceIndex.baseYear", $"{baseYear} valt buiten de indexreeks.", $"{baseYear} lies outside the index series.");
            return null;
        }
        if (!indexByYear.ContainsKey(year))
        {
            Problem("priceYear", $"{year} valt buiten de indexreeks.", $"{year} lies outside the index series.");
            return null;
        }
        index = indexByYear.ToFrozenDictionary(p => p.Key, p => p.Value / baseValue * 100m);
        return source is null ? null : new PriceIndex(source, index);
    }

    private Profession BuildProfession(ProfessionDto dto, string path)
    {
        var sector = Resolve(sectors, dto.Sector, path + ".sector", "sector", "sector");
        var hourly = RequireEstimate(dto.HourlyCost, path + ".hourlyCost", 1m, 1000m);
        var fteHours = RequireEstimate(dto.ProductiveHoursPerFteYear, path + ".productiveHoursPerFteYear", 500m, 2500m);
        return new Profession(dto.Id!, RequireText(dto.Label, path + ".label"), sector!, hourly!, fteHours!);
    }

    private Price BuildPrice(PriceDto dto, string path)
    {
        var unit = Resolve(units, dto.Unit, path + ".unit", "eenheid", "unit");
        var payer = Resolve(payers, dto.Payer, path + ".payer", "betaler", "payer");
        var domain = Resolve(domains, dto.Domain, path + ".domain", "domein", "domain");
        var kind = dto.Kind switch
        {
            "resource" => PriceKind.Resource,
            "transfer" => PriceKind.Transfer,
            "wellbeing" => PriceKind.Wellbeing,
            _ => (PriceKind?)null,
        };
        if (kind is null)
        {
            Problem(path + ".kind", $"'{dto.Kind}' is onbekend; kies resource (echte middelen), transfer (overdracht, zoals een uitkering) of wellbeing (welzijnswaarde, zoals een QALY).",
                $"'{dto.Kind}' is unknown; choose resource (real resources), transfer (e.g. a benefit payment) or wellbeing (a wellbeing value, e.g. a QALY).");
        }
        var original = RequireEstimate(dto.Value, path + ".value", 0.01m, 10_000_000m);
        var factor = 1m;
        if (dto.PriceYear is not { } year || !index.TryGetValue(year, out var yearIndex))
        {
            Problem(path + ".priceYear", $"ontbreekt of valt buiten de prijsindex ({string.Join(", ", index.Keys.Order())}).", $"is missing or outside the price index ({string.Join(", ", index.Keys.Order())}).");
        }
        else if (index.Count > 0)
        {
            factor = index[priceYear] / yearIndex;
        }
        var labour = new List<LabourContent>();
        for (var i = 0; i < (dto.Labour?.Count ?? 0); i++)
        {
            var l = dto.Labour![i];
            var lpath = $"{path}.labour[{i}]";
            var profession = Resolve(professions, l.Profession, lpath + ".profession", "beroep", "profession");
            var hours = RequireEstimate(l.HoursPerUnit, lpath + ".hoursPerUnit", 0m, 10_000m);
            if (profession is not null && hours is not null)
            {
                labour.Add(new LabourContent(profession, hours));
            }
        }
        var indexed = original is null ? null : original with { Central = original.Central * factor, Low = original.Low * factor, High = original.High * factor };
        return new Price(dto.Id!, RequireText(dto.Label, path + ".label"), unit!, indexed!, original!, dto.PriceYear ?? 0, factor, payer!, domain!, kind ?? PriceKind.Resource, labour);
    }

    private Question? BuildQuestion(QuestionDto dto, string path, HashSet<string>? outcomeIds, List<string> appliesTo)
    {
        if (!RequireId(dto.Id, path + ".id"))
        {
            return null;
        }
        var options = new List<QuestionOption>();
        if (dto.Options is null || dto.Options.Count < 2)
        {
            Problem(path + ".options", "een vraag heeft minstens twee antwoorden nodig.", "a question needs at least two options.");
            return null;
        }
        for (var i = 0; i < dto.Options.Count; i++)
        {
            var o = dto.Options[i];
            var opath = $"{path}.options[{i}]";
            if (!RequireId(o.Id, opath + ".id"))
            {
                continue;
            }
            if (options.Any(x => x.Id == o.Id))
            {
                Problem(opath + ".id", $"antwoord '{o.Id}' komt twee keer voor.", $"option '{o.Id}' appears twice.");
            }
            var isReference = o.Reference == true;
            var multiplier = o.Multiplier ?? 0m;
            if (multiplier is < MinMultiplier or > MaxMultiplier)
            {
                Problem(opath + ".multiplier", $"moet tussen {MinMultiplier} en {MaxMultiplier} liggen (nu {multiplier}): een antwoord mag het effect hooguit begrensd veranderen.",
                    $"must lie between {MinMultiplier} and {MaxMultiplier} (now {multiplier}): an answer may change the effect only within bounds.");
            }
            if (isReference && multiplier != 1m)
            {
                Problem(opath + ".multiplier", "het antwoord 'zoals het referentieproject' moet factor 1 hebben.", "the 'as the reference' option must have multiplier 1.");
            }
            Basis? basis = null;
            if (!isReference)
            {
                basis = RequireBasis(o.Source, o.Assumption, o.Note, opath);
            }
            options.Add(new QuestionOption(o.Id!, RequireText(o.Label, opath + ".label"), multiplier, isReference, basis));
        }
        if (options.Count(o => o.IsReference) != 1)
        {
            Problem(path + ".options", "precies één antwoord moet 'reference': true hebben (zoals het referentieproject).", "exactly one option must have 'reference': true (as the reference project).");
            return null;
        }
        if (outcomeIds is not null)
        {
            foreach (var id in appliesTo.Where(id => !outcomeIds.Contains(id)))
            {
                Problem(path + ".appliesTo", $"onbekende uitkomst '{id}'. Bekend zijn: {string.Join(", ", outcomeIds)}.", $"unknown outcome '{id}'. Known are: {string.Join(", ", outcomeIds)}.");
            }
        }
        return new Question(dto.Id!, RequireText(dto.Label, path + ".label"), RequireText(dto.Why, path + ".why"), options, appliesTo);
    }

    private ReferenceProject? BuildReferenceProject(ReferenceProjectDto dto, string path)
    {
        if (!RequireId(dto.Id, "id"))
        {
            return null;
        }
        var expectedFile = $"reference-projects/{dto.Id}.json";
        if (path != expectedFile)
        {
            Problem("id", $"het bestand moet {expectedFile} heten.", $"the file must be named {expectedFile}.");
        }
        var theme = Resolve(themes, dto.Theme, "theme", "thema", "theme");
        if (dto.TypicalParticipants is not (> 0 and <= 1_000_000))
        {
            Problem("typicalParticipants", "moet tussen 1 en 1.000.000 liggen.", "must lie between 1 and 1,000,000.");
        }
        if (dto.TypicalDurationMonths is not (>= 1 and <= 120))
        {
            Problem("typicalDurationMonths", "moet tussen 1 en 120 maanden liggen.", "must lie between 1 and 120 months.");
        }
        var typicalCost = RequireEstimate(dto.TypicalCostPerParticipant, "typicalCostPerParticipant", 1m, 1_000_000m);
        var evidence = ParseEvidence(dto.Evidence, "evidence");

        var outcomes = new List<Outcome>();
        if (dto.Outcomes is null || dto.Outcomes.Count == 0)
        {
            Problem("outcomes", "een referentieproject heeft minstens één uitkomst nodig.", "a reference project needs at least one outcome.");
        }
        for (var i = 0; i < (dto.Outcomes?.Count ?? 0); i++)
        {
            var outcome = BuildOutcome(dto.Outcomes![i], $"outcomes[{i}]");
            if (outcome is null)
            {
                continue;
            }
            if (outcomes.Any(o => o.Id == outcome.Id))
            {
                Problem($"outcomes[{i}].id", $"uitkomst '{outcome.Id}' komt twee keer voor.", $"outcome '{outcome.Id}' appears twice.");
            }
            outcomes.Add(outcome);
        }
        var outcomeIds = outcomes.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);

        var qualitative = new List<QualitativeEffect>();
        if (dto.Qualitative is null || dto.Qualitative.Count == 0)
        {
            Problem("qualitative", "noem minstens één kwalitatief effect.", "name at least one qualitative effect.");
        }
        for (var i = 0; i < (dto.Qualitative?.Count ?? 0); i++)
        {
            var q = dto.Qualitative![i];
            if (RequireId(q.Id, $"qualitative[{i}].id"))
            {
                qualitative.Add(new QualitativeEffect(q.Id!, RequireText(q.Text, $"qualitative[{i}].text")));
            }
        }

        var questions = new List<Question>();
        var count = dto.Questions?.Count ?? 0;
        if (count is < MinQuestions or > MaxQuestions)
        {
            Problem("questions", $"een referentieproject heeft {MinQuestions} tot {MaxQuestions} vragen (nu {count}).", $"a reference project has {MinQuestions} to {MaxQuestions} questions (now {count}).");
        }
        for (var i = 0; i < count; i++)
        {
            var q = dto.Questions![i];
            var qpath = $"questions[{i}]";
            var appliesTo = q.AppliesTo ?? [];
            QuestionDto? definition = q;
            if (q.Options is null)
            {
                // A reference to the shared question library, optionally narrowed to some outcomes.
                definition = Resolve(questionLibrary, q.Id, qpath + ".id", "vraag", "question");
            }
            var question = definition is null ? null : BuildQuestion(definition, qpath, outcomeIds, appliesTo);
            if (question is null)
            {
                continue;
            }
            if (questions.Any(x => x.Id == question.Id))
            {
                Problem(qpath + ".id", $"vraag '{question.Id}' komt twee keer voor.", $"question '{question.Id}' appears twice.");
            }
            questions.Add(question);
        }

        var notClaimed = new List<NotClaimed>();
        for (var i = 0; i < (dto.NotClaimed?.Count ?? 0); i++)
        {
            var n = dto.NotClaimed![i];
            var npath = $"notClaimed[{i}]";
            var basis = RequireBasis(n.Source, n.Assumption, null, npath);
            if (RequireId(n.Id, npath + ".id") && basis is not null)
            {
                notClaimed.Add(new NotClaimed(n.Id!, RequireText(n.Label, npath + ".label"), RequireText(n.Reason, npath + ".reason"), basis));
            }
        }

        Calibration? calibration = null;
        if (dto.Calibration is { } c)
        {
            if (c.Participants is not > 0 || c.Cost is not > 0)
            {
                Problem("calibration", "heeft deelnemers en kosten groter dan nul nodig.", "needs participants and cost above zero.");
            }
            calibration = new Calibration(c.Participants ?? 0, c.Cost ?? 0, RequireText(c.Derivation, "calibration.derivation"));
        }

        var exclusive = BuildExclusiveGroups(dto.Exclusive, outcomes);
        if (theme is null || typicalCost is null || evidence is null)
        {
            return null;
        }
        return new ReferenceProject(dto.Id!, theme, RequireText(dto.Label, "label"), RequireText(dto.Summary, "summary"),
            RequireText(dto.Description, "description"), RequireText(dto.TargetGroup, "targetGroup"), RequireText(dto.Intensity, "intensity"),
            dto.TypicalParticipants ?? 0, typicalCost, dto.TypicalDurationMonths ?? 0, evidence.Value, outcomes, qualitative, questions, notClaimed, calibration, exclusive);
    }

    private Outcome? BuildOutcome(OutcomeDto dto, string path)
    {
        if (!RequireId(dto.Id, path + ".id"))
        {
            return null;
        }
        var unit = Resolve(units, dto.Unit, path + ".unit", "eenheid", "unit");
        var effect = RequireEstimate(dto.Effect, path + ".effect", 0m, 100_000m);
        var deadweight = RequireEstimate(dto.Deadweight, path + ".deadweight", 0m, 1m);
        var attribution = RequireEstimate(dto.Attribution, path + ".attribution", 0m, 1m);
        var dropOff = RequireEstimate(dto.DropOff, path + ".dropOff", 0m, 1m);
        if (dto.StartsAfterMonths is not (>= 0 and <= 60))
        {
            Problem(path + ".startsAfterMonths", "moet tussen 0 en 60 maanden liggen.", "must lie between 0 and 60 months.");
        }
        if (dto.DurationYears is not (>= 1 and <= 10))
        {
            Problem(path + ".durationYears", "moet tussen 1 en 10 jaar liggen.", "must lie between 1 and 10 years.");
        }
        var evidence = ParseEvidence(dto.Evidence, path + ".evidence");
        var links = new List<PriceLink>();
        if (dto.Prices is null || dto.Prices.Count == 0)
        {
            Problem(path + ".prices", "een uitkomst moet minstens één prijspost bewegen.", "an outcome must move at least one price item.");
        }
        for (var i = 0; i < (dto.Prices?.Count ?? 0); i++)
        {
            var l = dto.Prices![i];
            var lpath = $"{path}.prices[{i}]";
            var price = Resolve(prices, l.Price, lpath + ".price", "prijs", "price");
            if (price is null)
            {
                continue;
            }
            if (l.Unit != price.Unit.Id)
            {
                Problem(lpath + ".unit", $"eenheid '{l.Unit}' past niet bij prijs '{price.Id}', die per '{price.Unit.Id}' is.", $"unit '{l.Unit}' does not match price '{price.Id}', which is per '{price.Unit.Id}'.");
            }
            // A negative quantity subtracts: e.g. the hours of informal carers or volunteers who take over the care.
            var quantity = l.Quantity ?? 1m;
            if (quantity == 0m || Math.Abs(quantity) > 100_000m)
            {
                Problem(lpath + ".quantity", "moet tussen -100.000 en 100.000 liggen en mag niet 0 zijn.", "must lie between -100,000 and 100,000 and may not be 0.");
            }
            Basis? quantityBasis = null;
            var converts = unit is not null && unit.Id != price.Unit.Id;
            if (quantity != 1m || converts || l.Source is not null || l.Assumption is not null)
            {
                // A conversion between the outcome's unit and the price's unit is itself a number that needs a basis.
                quantityBasis = RequireBasis(l.Source, l.Assumption, l.Note, lpath);
            }
            links.Add(new PriceLink(price, quantity, quantityBasis));
        }
        if (links.Count > 0 && links.All(l => l.Quantity < 0m))
        {
            Problem(path + ".prices", "een uitkomst moet minstens één prijspost met een positieve hoeveelheid hebben.", "an outcome needs at least one price item with a positive quantity.");
        }
        var evidenceBasis = RequireText(dto.EvidenceBasis, path + ".evidenceBasis");
        if (unit is null || effect is null || deadweight is null || attribution is null || dropOff is null || evidence is null)
        {
            return null;
        }
        return new Outcome(dto.Id!, RequireText(dto.Label, path + ".label"), RequireText(dto.Description, path + ".description"), unit,
            effect, deadweight, attribution, dto.StartsAfterMonths ?? 0, dto.DurationYears ?? 1, dropOff, evidence.Value, links, evidenceBasis);
    }

    private List<ExclusiveGroup> BuildExclusiveGroups(List<ExclusiveGroupDto>? dtos, List<Outcome> outcomes)
    {
        var groups = new List<ExclusiveGroup>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (dtos?.Count ?? 0); i++)
        {
            var g = dtos![i];
            var gpath = $"exclusive[{i}]";
            var members = g.Outcomes ?? [];
            if (!RequireId(g.Id, gpath + ".id"))
            {
                continue;
            }
            if (members.Count < 2)
            {
                Problem(gpath + ".outcomes", "een groep elkaar uitsluitende uitkomsten heeft er minstens twee.", "a group of mutually exclusive outcomes has at least two.");
            }
            var cap = RequireEstimate(g.Cap, gpath + ".cap", 0m, 1m);
            var gross = 0m;
            foreach (var id in members)
            {
                var outcome = outcomes.FirstOrDefault(o => o.Id == id);
                if (outcome is null)
                {
                    Problem(gpath + ".outcomes", $"onbekende uitkomst '{id}'. Bekend zijn: {string.Join(", ", outcomes.Select(o => o.Id))}.", $"unknown outcome '{id}'. Known are: {string.Join(", ", outcomes.Select(o => o.Id))}.");
                    continue;
                }
                if (!taken.Add(id))
                {
                    Problem(gpath + ".outcomes", $"uitkomst '{id}' zit al in een andere groep.", $"outcome '{id}' is already in another group.");
                }
                if (outcome.Effect.High > 1m)
                {
                    Problem(gpath + ".outcomes", $"uitkomst '{id}' heeft een effect boven 1 per deelnemer; een tak van een pad is een aandeel (0 tot 1).",
                        $"outcome '{id}' has an effect above 1 per participant; a branch of a path is a share (0 to 1).");
                }
                gross += outcome.Effect.Central;
            }
            if (gross > 1m)
            {
                Problem(gpath + ".outcomes", $"de takken sluiten elkaar uit, dus hun effecten (aandelen) tellen op tot hooguit 1; nu {gross}.",
                    $"the branches exclude each other, so their effects (shares) add up to at most 1; now {gross}.");
            }
            if (cap is not null)
            {
                groups.Add(new ExclusiveGroup(g.Id!, RequireText(g.Label, gpath + ".label"), members, cap));
            }
        }
        return groups;
    }

    private IntensityRule? BuildIntensity(IntensityDto? dto)
    {
        if (dto is null)
        {
            Problem("intensity", "ontbreekt: hoe de kosten per deelnemer de effecten schalen.", "is missing: how the cost per participant scales the effects.");
            return null;
        }
        var elasticity = RequireEstimate(dto.Elasticity, "intensity.elasticity", 0m, 1m);
        if (dto.WarnBelow is not { } warnBelow || dto.WarnAbove is not { } warnAbove
            || dto.NotComparableBelow is not { } farBelow || dto.NotComparableAbove is not { } farAbove
            || !(0m < farBelow && farBelow <= warnBelow && warnBelow <= 1m && 1m <= warnAbove && warnAbove <= farAbove))
        {
            Problem("intensity", "vraagt 0 < notComparableBelow <= warnBelow <= 1 <= warnAbove <= notComparableAbove.",
                "needs 0 < notComparableBelow <= warnBelow <= 1 <= warnAbove <= notComparableAbove.");
            return null;
        }
        var note = RequireText(dto.Note, "intensity.note");
        return elasticity is null ? null : new IntensityRule(elasticity, warnBelow, warnAbove, farBelow, farAbove, note);
    }

    private EvidencePolicy? BuildEvidencePolicy(EvidencePolicyDto? dto)
    {
        if (dto is null)
        {
            Problem("evidence", "ontbreekt: de bewijsklassen en hoe ze de onzekerheid bepalen.", "is missing: the evidence grades and how they move the uncertainty.");
            return null;
        }
        var grades = new List<GradePolicy>();
        foreach (var (id, g) in BuildAll(dto.Grades, "evidence.grades", (g, path) => (g, path)))
        {
            var grade = ParseEvidence(id, g.path + ".id");
            if (g.g.AbsenceProbability is not (>= 0m and < 1m))
            {
                Problem(g.path + ".absenceProbability", "moet een kans zijn van 0 tot (niet met) 1.", "must be a probability from 0 to (not including) 1.");
            }
            if (grade is not null)
            {
                grades.Add(new GradePolicy(grade.Value, RequireText(g.g.Label, g.path + ".label"), RequireText(g.g.Description, g.path + ".description"), g.g.AbsenceProbability ?? 0m));
            }
        }
        foreach (var missing in Enum.GetValues<EvidenceGrade>().Where(e => grades.All(g => g.Grade != e)))
        {
            Problem("evidence.grades", $"bewijsklasse '{missing.ToString().ToLowerInvariant()}' ontbreekt.", $"evidence grade '{missing.ToString().ToLowerInvariant()}' is missing.");
        }
        var ordered = grades.OrderBy(g => g.Grade).ToList();
        if (ordered.Zip(ordered.Skip(1)).Any(p => p.Second.AbsenceProbability < p.First.AbsenceProbability))
        {
            Problem("evidence.grades", "een zwakkere bewijsklasse heeft minstens dezelfde kans op geen effect als een sterkere.", "a weaker grade has at least the absence probability of a stronger one.");
        }
        var absence = RequireBasis(dto.Absence?.Source, dto.Absence?.Assumption, dto.Absence?.Note, "evidence.absence");
        var spread = RequireEstimate(dto.AnswerSpread, "evidence.answerSpread", 0m, 3m);
        return absence is null || spread is null ? null : new EvidencePolicy(ordered, absence, spread);
    }

    private EvidenceGrade? ParseEvidence(string? value, string path)
    {
        EvidenceGrade? grade = value switch
        {
            "strong" => EvidenceGrade.Strong,
            "moderate" => EvidenceGrade.Moderate,
            "limited" => EvidenceGrade.Limited,
            "indicative" => EvidenceGrade.Indicative,
            "contradicted" => EvidenceGrade.Contradicted,
            _ => null,
        };
        if (grade is null)
        {
            Problem(path, $"'{value}' is onbekend; kies strong, moderate, limited, indicative of contradicted.", $"'{value}' is unknown; choose strong, moderate, limited, indicative or contradicted.");
        }
        return grade;
    }
}
