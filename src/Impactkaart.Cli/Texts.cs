using Impactkaart.Engine;

namespace Impactkaart.Cli;

/// <summary>
/// The CLI's own texts in Dutch and English (model texts come with the model; labels every output shares live in
/// <see cref="Labels"/>). Placeholders {0}, {1}, ... are filled in the user's culture by <see cref="Formats.Format"/>.
/// </summary>
internal static class Texts
{
    // The map: header and headline.
    public static readonly Text MapTitle = new("Impactkaart: {0}", "Impact map: {0}");
    public static readonly Text ReferenceLine = new("referentieproject {0} ({1})", "reference project {0} ({1})");
    public static readonly Text ParticipantsLine = new("{0}", "{0}");
    public static readonly Text MonthsLine = new("looptijd {0}", "duration {0}");
    public static readonly Text StartLine = new("start {0}", "start {0}");
    public static readonly Text CostsLine = new("kosten {0}", "costs {0}");
    public static readonly Text SettingsLine = new("Fase: {0} · discontovoet {1} per jaar (reëel) · bedragen in prijzen van {2}, contante waarde bij de start · model {3}",
        "Phase: {0} · discount rate {1} a year (real) · amounts in {2} prices, present value at the start · model {3}");
    public static readonly Text ViewRange = new("Onzekerheid: {0} per euro (middelste uitkomst {1}).", "Uncertainty: {0} per euro (middle outcome {1}).");
    public static readonly Text Draws = new("(P10-P90 uit {0} trekkingen, seed {1})", "(P10-P90 from {0} draws, seed {1})");
    public static readonly Text NoUncertainty = new("Geen onzekerheidsanalyse: er zijn geen trekkingen gedaan (--draws 0).", "No uncertainty analysis: no draws were made (--draws 0).");
    public static readonly Text ViewPerEuro = new("{0} per geïnvesteerde euro", "{0} per euro invested");
    public static readonly Text InMoney = new("In geld", "In money");
    public static readonly Text ToSociety = new("Voor de samenleving", "To society");
    public static readonly Text WellbeingShort = new("Welzijn", "Wellbeing");
    public static readonly Text OutcomeColumnsNote = new("In geld: baten in de opbrengst in geld. Voor de samenleving: baten in de maatschappelijke waarde; welzijn is het deel daarvan dat welzijnswaarde is. Aandeel: deel van de baten in geld.",
        "In money: benefits in money returned. To society: benefits in value to society; wellbeing is the part of it that is wellbeing value. Share: part of the benefits in money.");

    public static readonly Text CostCategory = new("Kostensoort", "Cost category");

    // Sections.
    public static readonly Text PresentValueNote = new("Alle bedragen zijn contante waarden: elk jaar is teruggerekend naar de start van het project.",
        "All amounts are present values: each year is discounted to the project's start.");
    public static readonly Text NoLabour = new("Dit project bespaart volgens het model geen uren van andere professionals.", "According to the model this project saves no hours of other professionals.");
    public static readonly Text OwnHoursGiven = new("Eigen inzet van het project ({0}): {1} ({2} fte-jaren).", "The project's own work ({0}): {1} ({2} FTE-years).");
    public static readonly Text OwnHoursEstimated = new("Eigen inzet van het project ({0}): ongeveer {1} ({2} fte-jaren), geschat uit de personeelskosten.",
        "The project's own work ({0}): about {1} ({2} FTE-years), estimated from the staff costs.");
    public static readonly Text OwnHoursUnknown = new("Eigen inzet van het project: onbekend; geef --own-hours of --staff-cost om die naast de bespaarde uren te zetten.",
        "The project's own work: unknown; give --own-hours or --staff-cost to set it beside the hours saved.");
    public static readonly Text AnswersHeading = new("Werkwijze: antwoorden op de vragen", "Way of working: answers to the questions");
    public static readonly Text None = new("Geen.", "None.");
    public static readonly Text NothingExcluded = new("Het model sluit voor dit project geen uitkomsten uitdrukkelijk uit.", "The model explicitly excludes no outcomes for this project.");
    public static readonly Text DriversHeading = new("Grootste bronnen van onzekerheid", "Main drivers of uncertainty");
    public static readonly Text Input = new("Invoer", "Input");
    public static readonly Text Range = new("Bereik", "Range");
    public static readonly Text RangeValue = new("{0} tot {1}", "{0} to {1}");
    public static readonly Text RatioAtLow = new("Per euro bij laag", "Per euro at low");
    public static readonly Text RatioAtHigh = new("Per euro bij hoog", "Per euro at high");
    public static readonly Text Swing = new("Verschil", "Swing");
    public static readonly Text DriversNote = new("Elke regel: de opbrengst per euro met alleen die invoer op zijn lage of hoge waarde, de rest op de middenwaarde.",
        "Each line: the return per euro with only that input at its low or high value, everything else central.");

    // Commands and options (help texts).
    public static readonly Text RootDescription = new("Impactkaart: wat een sociaal-werkproject de samenleving oplevert, met bronnen en bandbreedte.",
        "Impactkaart: what a social-work project returns to society, with sources and uncertainty range.");
    public static readonly Text ComputeDescription = new("Bereken de impactkaart van een project.", "Compute a project's impact map.");
    public static readonly Text ExplainDescription = new("Toon de hele berekening: elke kosten- en batenregel met bronnen.", "Show the whole calculation: every cost and benefit line with its sources.");
    public static readonly Text ModelDescription = new("Bekijk en controleer het referentiemodel.", "Look at and check the reference model.");
    public static readonly Text ListDescription = new("Toon de thema's en referentieprojecten.", "List the themes and reference projects.");
    public static readonly Text ShowDescription = new("Toon alles over één referentieproject.", "Show everything about one reference project.");
    public static readonly Text ShowId = new("De id van het referentieproject, bijvoorbeeld budgetcoaching.", "The reference project's id, for example budgetcoaching.");
    public static readonly Text ValidateDescription = new("Controleer een modelmap (zonder map: het meegeleverde model).", "Validate a model folder (without one: the shipped model).");
    public static readonly Text ValidateFolder = new("De modelmap, ingedeeld zoals model/ in de repository.", "The model folder, laid out like model/ in the repository.");
    public static readonly Text OptLang = new("Taal: nl (standaard) of en.", "Language: nl (default) or en.");
    public static readonly Text OptInput = new("Projectbestand (JSON); opties op de opdrachtregel gaan voor.", "Project file (JSON); options on the command line take precedence.");
    public static readonly Text OptFormat = new("Uitvoer: table (standaard) of json.", "Output: table (default) or json.");
    public static readonly Text OptModel = new("Een eigen modelmap in plaats van het meegeleverde model (voor experts).", "A model folder of your own instead of the shipped model (for experts).");

    public static readonly Text BatchDescription = new("Bereken een impactkaart per regel van een CSV- of Excelbestand; resultaten en fouten per regel naar CSV of Excel.",
        "Compute an impact map per row of a CSV or Excel file; results and per-row errors to CSV or Excel.");
    public static readonly Text BatchExitCodes = new("Afsluitcodes: 0 elke regel berekend; 3 sommige regels hebben fouten (de goede regels staan wel in de resultaten); "
        + "2 het bestand is niet te gebruiken (er is niets geschreven); 1 onverwachte fout.",
        "Exit codes: 0 every row computed; 3 some rows have errors (the good rows are still in the results); "
        + "2 the file cannot be used (nothing was written); 1 unexpected failure.");
    public static readonly Text BatchInput = new("Het bestand met één project per regel (.csv of .xlsx); de eerste regel bevat de kolomnamen.",
        "The file with one project per row (.csv or .xlsx); the first row holds the column names.");
    public static readonly Text BatchOutput = new("Het resultatenbestand (.csv of .xlsx); standaard <bestand>-resultaten naast de invoer.",
        "The results file (.csv or .xlsx); by default <file>-results beside the input.");
    public static readonly Text BatchErrors = new("Een apart foutenrapport (.csv of .xlsx): één regel per fout.", "A separate error report (.csv or .xlsx): one line per problem.");
    public static readonly Text BatchDraws = new("Aantal Monte-Carlotrekkingen per project (standaard 0: geen, zodat grote bestanden snel gaan).",
        "Number of Monte Carlo draws per project (default 0: none, so large files go fast).");

    // Messages.
    public static readonly Text BadInputHeading = new("De invoer klopt niet:", "The input is not valid:");
    public static readonly Text BrokenModel = new("Het model bevat {0} fout(en); er wordt niets berekend:", "The model has {0} problem(s); nothing is computed:");
    public static readonly Text Unexpected = new("Er ging onverwacht iets mis ({0}: {1}). Probeer het opnieuw; blijft het gebeuren, meld het dan met de opdracht die u gaf.",
        "Something went wrong unexpectedly ({0}: {1}). Try again; if it keeps happening, report it with the command you gave.");
    public static readonly Text UnknownLanguage = new("onbekende taal '{0}'; kies nl of en.", "unknown language '{0}'; choose nl or en.");
    public static readonly Text UnknownFormat = new("onbekend formaat '{0}'; kies table of json.", "unknown format '{0}'; choose table or json.");
    public static readonly Text UnknownOption = new("Onbekende optie '{0}' bij {1}. Mogelijke opties: {2}.", "Unknown option '{0}' for {1}. Possible options: {2}.");
    public static readonly Text UnknownCommand = new("Onbekende opdracht '{0}'. Mogelijke opdrachten: {1}.", "Unknown command '{0}'. Possible commands: {1}.");
    public static readonly Text UnexpectedArgument = new("Onverwachte waarde '{0}' bij {1}; zet een waarde achter de optie waar ze bij hoort.", "Unexpected value '{0}' for {1}; put a value after the option it belongs to.");
    public static readonly Text OptionNeedsValue = new("de optie {0} heeft een waarde nodig, bijvoorbeeld {0} 80.", "the option {0} needs a value, for example {0} 80.");
    public static readonly Text OptionOnce = new("geef de optie {0} maar één keer.", "give the option {0} only once.");
    public static readonly Text SeeHelp = new("Zie '{0} --help' voor alle opties.", "See '{0} --help' for all options.");
    public static readonly Text BatchSameFile = new("het resultaat of foutenrapport zou '{0}' overschrijven; kies met -o of --errors een ander bestand.",
        "the results or error report would overwrite '{0}'; choose another file with -o or --errors.");
    public static readonly Text BatchProgress = new("Berekenen", "Computing");
    public static readonly Text BatchProgressRows = new("Berekenen ({0:N0} regels)", "Computing ({0:N0} rows)");
    public static readonly Text BatchSummary = new("Berekend: {0:N0}. Regels met fouten: {1:N0}.", "Computed: {0:N0}. Rows with errors: {1:N0}.");
    public static readonly Text BatchResultsAt = new("Resultaten: {0}", "Results: {0}");
    public static readonly Text BatchErrorsAt = new("Foutenrapport: {0}", "Error report: {0}");
    public static readonly Text BatchIgnoredColumns = new("Niet gelezen kolommen: {0}.", "Columns not read: {0}.");
    public static readonly Text BatchBadRow = new("Regel {0}: {1}", "Line {0}: {1}");
    public static readonly Text BatchMoreBadRows = new("... en nog {0:N0} regels met fouten (zie de kolom 'fout' of --errors).", "... and {0:N0} more rows with errors (see the 'error' column or --errors).");
    public static readonly Text BatchResultsSuffix = new("resultaten", "results");
    public static readonly Text AnswerSyntax = new("'{0}' is geen antwoord; schrijf vraag=antwoord, bijvoorbeeld --answer intensiteit=meer.", "'{0}' is not an answer; write question=option, for example --answer intensiteit=meer.");
    public static readonly Text MeasuredSyntax = new("'{0}' is geen meting; schrijf uitkomst=waarde, bijvoorbeeld --measured kortere-bijstand=1,5.", "'{0}' is not a measurement; write outcome=value, for example --measured kortere-bijstand=1.5.");
    public static readonly Text InputMissing = new("het bestand '{0}' bestaat niet.", "the file '{0}' does not exist.");
    public static readonly Text InputTooLarge = new("het bestand '{0}' is groter dan 1 MB; een projectbestand is veel kleiner.", "the file '{0}' is larger than 1 MB; a project file is much smaller.");
    public static readonly Text InputUnreadable = new("het bestand '{0}' kan niet worden gelezen.", "the file '{0}' cannot be read.");

    // explain.
    public static readonly Text TrailIntro = new("Elke regel: bedrag = hoeveelheid x prijs x disconteringsfactor, met disconteringsfactor 1 / (1 + {0})^(jaar - 1).",
        "Each line: amount = quantity x price x discount factor, with discount factor 1 / (1 + {0})^(year - 1).");
    public static readonly Text TrailQuantity = new("Hoeveelheid = deelnemers x effect x factor antwoorden x (1 - deadweight) x attributie x doorwerking x eenheden per eenheid effect.",
        "Quantity = participants x effect x answers' multiplier x (1 - deadweight) x attribution x persistence x units per unit of effect.");
    public static readonly Text TrailYear = new("jaar {0}", "year {0}");
    public static readonly Text Subtotal = new("Subtotaal {0}: {1}", "Subtotal {0}: {1}");
    public static readonly Text TrailOutcomeLine = new("Netto effect {0} per deelnemer · bewijs {1} · begint {2} na de start van een deelnemer · duurt {3} · neemt {4} per jaar af",
        "Net effect {0} per participant · evidence {1} · starts {2} after a participant's start · lasts {3} · fades {4} a year");
    public static readonly Text TrailSources = new("bronnen: {0}", "sources: {0}");

    // model list / show / validate.
    public static readonly Text ListTitle = new("Referentiemodel {0} (prijspeil {1})", "Reference model {0} ({1} prices)");
    public static readonly Text NoProjectsYet = new("Nog geen referentieprojecten.", "No reference projects yet.");
    public static readonly Text ReferenceProject = new("Referentieproject", "Reference project");
    public static readonly Text Summary = new("Samenvatting", "Summary");
    public static readonly Text ListHint = new("Meer over een project: impactkaart model show <id>. Rekenen: impactkaart compute --reference <id> --participants <n> --cost <euro>.",
        "More on a project: impactkaart model show <id>. Compute: impactkaart compute --reference <id> --participants <n> --cost <euro>.");
    public static readonly Text ShippedModel = new("Het meegeleverde model", "The shipped model");
    public static readonly Text FolderModel = new("Het model in {0}", "The model in {0}");
    public static readonly Text ModelInvalid = new("{0} is ongeldig: {1} fout(en).", "{0} is invalid: {1} problem(s).");
    public static readonly Text ModelValid = new("{0} is geldig (model is valid): versie {1}, prijspeil {2}; {3} thema's, {4} referentieprojecten, {5} uitkomsten, {6} prijzen, {7} bronnen, {8} beroepen.",
        "{0} is valid (model is valid): version {1}, {2} prices; {3} themes, {4} reference projects, {5} outcomes, {6} prices, {7} sources, {8} professions.");
    public static readonly Text ShowMissingId = new("geef de id van een referentieproject. Mogelijk zijn: {0}.", "give a reference project's id. Possible are: {0}.");
    public static readonly Text ShowUnknownId = new("het referentieproject '{0}' bestaat niet. Mogelijk zijn: {1}.", "the reference project '{0}' does not exist. Possible are: {1}.");
    public static readonly Text ShowThemeLine = new("Thema: {0} · bewijs: {1}", "Theme: {0} · evidence: {1}");
    public static readonly Text Description = new("Beschrijving", "Description");
    public static readonly Text TargetGroup = new("Doelgroep", "Target group");
    public static readonly Text Intensity = new("Intensiteit", "Intensity");
    public static readonly Text TypicalSize = new("Gebruikelijke omvang: {0}, {1}, {2} per deelnemer ({3}).", "Typical size: {0}, {1}, {2} per participant ({3}).");
    public static readonly Text CalibrationLine = new("Kalibratie ({0}, {1}): {2}", "Calibration ({0}, {1}): {2}");
    public static readonly Text OutcomesHeading = new("Uitkomsten", "Outcomes");
    public static readonly Text EffectPerParticipant = new("Effect per deelnemer", "Effect per participant");
    public static readonly Text Effect = new("Effect", "Effect");
    public static readonly Text Deadweight = new("Deadweight", "Deadweight");
    public static readonly Text Attribution = new("Attributie", "Attribution");
    public static readonly Text StartsAfter = new("Begint na", "Starts after");
    public static readonly Text Duration = new("Duur", "Duration");
    public static readonly Text DropOff = new("Afname per jaar", "Drop-off a year");
    public static readonly Text MonthsValue = new("{0} mnd", "{0} mo");
    public static readonly Text PricesHeading = new("Prijzen die de uitkomsten bewegen", "Prices the outcomes move");
    public static readonly Text PriceItem = new("Prijspost", "Price item");
    public static readonly Text Quantity = new("Hoeveelheid per eenheid effect", "Quantity per unit of effect");
    public static readonly Text PriceAt = new("Prijs ({0})", "Price ({0})");
    public static readonly Text PerUnit = new("per {0}", "per {0}");
    public static readonly Text Basis = new("Basis", "Basis");
    public static readonly Text QuestionsHeading = new("Vragen over de werkwijze", "Questions on the way of working");
    public static readonly Text AppliesTo = new("Geldt voor: {0}", "Applies to: {0}");
    public static readonly Text Option = new("Optie", "Option");
    public static readonly Text ReferenceOptionNote = new("* = zoals het referentieproject (factor 1); dit antwoord geldt als u de vraag niet beantwoordt.",
        "* = as the reference project (multiplier 1); this answer applies when you do not answer the question.");
}
