using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;

namespace Impactkaart.Reports;

/// <summary>
/// What a funder's council report ("raadsrapportage") says, as plain data: the web app builds it from the funder's
/// portfolio, the PDF (Impactkaart.Documents) and the workbook (<see cref="CouncilWorkbook"/>) only lay it out. Money in
/// euros (present values at the start, the model's price year); what the model names is a <see cref="Text"/>, what
/// people typed (names, schemes) is a string, so the same report renders in Dutch and English.
/// </summary>
public sealed record CouncilReport(
    string Funder,
    string? Scheme,
    DateOnly Date,
    int ProjectCount,
    int ProviderCount,
    long Participants,
    decimal Invested,
    decimal Benefits,
    decimal WelfareBenefits,
    double HoursSaved,
    double FteSaved,
    CouncilRange? Headline,
    CouncilRange? Welfare,
    int Draws,
    IReadOnlyList<CouncilPayer> Payers,
    IReadOnlyList<CouncilSector> Sectors,
    IReadOnlyList<CouncilProject> Projects,
    IReadOnlyList<CouncilAgreement> Agreements,
    IReadOnlyList<CouncilQualitative> Qualitative,
    IReadOnlyList<Source> Sources,
    string ModelVersion,
    int PriceYear)
{
    public decimal NetPresentValue => Benefits - Invested;

    public decimal WelfareNetPresentValue => WelfareBenefits - Invested;

    /// <summary>Benefits per euro invested (money view); null without investment.</summary>
    public decimal? Ratio => Invested > 0 ? Benefits / Invested : null;

    public decimal? WelfareRatio => Invested > 0 ? WelfareBenefits / Invested : null;
}

/// <summary>The portfolio's total net present value at P10, P50 and P90 of one simulation, and the chance it is above zero.</summary>
public sealed record CouncilRange(decimal P10, decimal P50, decimal P90, decimal ChancePositive);

/// <summary>Who gains: a payer's share of the benefits and how much of it is transfers (such as benefit payments).</summary>
public sealed record CouncilPayer(Text Label, decimal Amount, decimal Transfers);

public sealed record CouncilSector(Text Label, double Hours, double Fte);

public sealed record CouncilProject(
    string Provider, string Name, Text ReferenceProject, string Scheme, string Neighbourhoods, int StartYear, Phase Phase,
    int Participants, decimal Invested, decimal Benefits, decimal? Ratio, double HoursSaved);

/// <summary>
/// One agreed result: its target and due date, what the plan expected, what has been realised so far (from the
/// evaluation for participants and outcomes, the provider's reported count for a count), the difference in words and
/// the provider's story.
/// </summary>
public sealed record CouncilAgreement(
    string Provider, string Project, Text Label, double Target, DateOnly Due, double? Planned, double? Achieved, Text Difference, string Story);

/// <summary>The effects the model describes but does not put in euros, per reference project in the report.</summary>
public sealed record CouncilQualitative(Text ReferenceProject, IReadOnlyList<Text> Effects);

/// <summary>The report's own words, in Dutch and English.</summary>
public static class CouncilTexts
{
    public static readonly Text Title = new("Raadsrapportage maatschappelijke opbrengst", "Council report on social return");
    public static readonly Text WholePortfolio = new("Hele portefeuille", "Whole portfolio");
    public static readonly Text SchemeLine = new("Regeling: {0}", "Scheme: {0}");
    public static readonly Text DateLine = new("Stand van {0}", "As of {0}");
    public static readonly Text FactsLine = new("{0} van {1}, samen {2}", "{0} by {1}, together {2}");
    public static readonly Text Provider = new("aanbieder", "provider");
    public static readonly Text Providers = new("aanbieders", "providers");
    public static readonly Text Intro = new(
        "Deze rapportage telt de huidige impactkaarten op van de projecten die aanbieders met de financier hebben verbonden: het plan, of de evaluatie waar die er is. Bedragen zijn contante waarden bij de start, in prijzen van {0}.",
        "This report adds up the current impact maps of the projects providers connected to the funder: the plan, or the evaluation where there is one. Amounts are present values at the start, in {0} prices.");

    public static readonly Text InvestedHeading = new("Wat is geïnvesteerd", "What was invested");
    public static readonly Text Invested = new("Geïnvesteerd", "Invested");
    public static readonly Text ReturnedHeading = new("Wat het opleverde", "What it returned");
    // The two views carry the names the map and the funder's page give them.
    public static readonly Text MoneyView = Labels.MoneyView;
    public static readonly Text MoneyViewExplained = new(
        "Wat overheden, zorgverzekeraars en anderen minder uitgeven en wat huishoudens erbij krijgen, in euro's.",
        "What governments, health insurers and others spend less and what households gain, in euros.");
    public static readonly Text WelfareView = Labels.WelfareView;
    public static readonly Text WelfareViewExplained = new(
        "Zonder overdrachten (zoals uitkeringen, die van de een naar de ander gaan), met welzijn en gezondheid in euro's.",
        "Without transfers (such as benefits, which move from one party to another), with wellbeing and health in euros.");
    public static readonly Text Benefits = new("Baten", "Benefits");
    public static readonly Text NetPresentValue = new("Netto contante waarde", "Net present value");
    public static readonly Text PerEuro = new("{0} per geïnvesteerde euro", "{0} per euro invested");
    public static readonly Text RangeLine = new("Netto contante waarde waarschijnlijk {0} (P10 tot P90), midden {1}.", "Net present value probably {0} (P10 to P90), middle {1}.");
    public static readonly Text ChanceLine = new("Kans dat de portefeuille meer oplevert dan hij kost: {0}.", "Chance that the portfolio returns more than it costs: {0}.");
    public static readonly Text NoRange = new("Geen bandbreedte: geen van de projecten kon worden doorgerekend.", "No range: none of the projects could be simulated.");

    public static readonly Text WhoGainedHeading = new("Wie er baat bij heeft", "Who gained");
    public static readonly Text Payer = new("Partij", "Party");
    public static readonly Text Amount = new("Baten", "Benefits");
    public static readonly Text OfWhichTransfers = new("waarvan overdrachten", "of which transfers");
    public static readonly Text HoursHeading = new("Bespaarde uren en fte per sector", "Hours and FTE saved per sector");
    public static readonly Text Sector = new("Sector", "Sector");
    public static readonly Text Hours = new("Uren", "Hours");
    public static readonly Text Fte = new("Fte", "FTE");
    public static readonly Text HoursTotal = new("Samen {0} ({1} fte-jaren) over de looptijd van de effecten.", "In all {0} ({1} FTE-years) over the effects' duration.");
    public static readonly Text NoHours = new("Volgens het model besparen deze projecten geen uren van andere professionals.", "According to the model these projects save no hours of other professionals.");

    public static readonly Text ProjectsHeading = new("De projecten", "The projects");
    public static readonly Text ProviderColumn = new("Aanbieder", "Provider");
    public static readonly Text ProjectColumn = new("Project", "Project");
    public static readonly Text ReferenceColumn = new("Soort project", "Kind of project");
    public static readonly Text SchemeColumn = new("Regeling", "Scheme");
    public static readonly Text NeighbourhoodsColumn = new("Wijken", "Neighbourhoods");
    public static readonly Text YearColumn = new("Startjaar", "Start year");
    public static readonly Text PhaseColumn = new("Fase", "Phase");
    public static readonly Text ParticipantsColumn = new("Deelnemers", "Participants");
    public static readonly Text RatioColumn = new("Per euro", "Per euro");
    public static readonly Text Total = new("Totaal", "Total");

    public static readonly Text AgreementsHeading = new("Resultaten tegen de afspraken", "Results against the agreements");
    public static readonly Text AgreementColumn = new("Afgesproken resultaat", "Agreed result");
    public static readonly Text TargetColumn = new("Doel", "Target");
    public static readonly Text DueColumn = new("Uiterlijk", "Due");
    public static readonly Text AchievedColumn = new("Gerealiseerd", "Achieved");
    public static readonly Text StoryColumn = new("Toelichting", "Story");
    public static readonly Text PlanColumn = new("Plan", "Plan");
    public static readonly Text DifferenceColumn = new("Verschil in woorden", "The difference in words");
    public static readonly Text NotYet = new("nog niet gemeld", "not yet reported");
    public static readonly Text NoAgreements = new("Er zijn voor deze projecten nog geen resultaatafspraken aanvaard.", "No result agreements have been accepted for these projects yet.");

    public static readonly Text QualitativeHeading = new("Wat niet in euro's te vangen is", "What cannot be put in euros");
    public static readonly Text QualitativeIntro = new(
        "Het model beschrijft deze effecten van de soorten projecten in deze rapportage, maar telt ze niet in de bedragen.",
        "The model describes these effects of the kinds of project in this report, but does not count them in the amounts.");

    public static readonly Text MethodHeading = new("Methode", "Method");
    public static readonly Text MethodLines = new(
        "Elk project heeft een impactkaart: de effecten per deelnemer uit onderzoek naar een vergelijkbaar referentieproject, gecorrigeerd voor wat ook zonder het project was gebeurd (deadweight) en voor het aandeel van anderen (attributie), gewaardeerd met prijzen uit openbare bronnen en verdisconteerd naar de start.|"
        + "De bedragen in deze rapportage zijn de optelsom van de huidige kaarten van de projecten: de evaluatie waar die is opgeslagen, anders het plan.|"
        + "De bandbreedte komt uit één Monte-Carlosimulatie over alle projecten samen ({0} doorrekeningen, vaste startwaarde): in elke doorrekening worden alle projecten met dezelfde formule als hun eigen kaart berekend en opgeteld. Projecten van hetzelfde referentieproject trekken hun effecten samen: overschat het onderzoek achter een soort project de effecten, dan geldt dat voor al die projecten tegelijk. Prijzen hebben in een doorrekening voor alle projecten dezelfde waarde. P10 en P90 zijn die van de som, nooit de som van de P10's van de projecten.|"
        + "De opbrengst in geld telt overdrachten (zoals uitkeringen) mee; de maatschappelijke waarde laat ze weg en telt welzijn en gezondheid mee. Beide zijn een schatting, geen meting.",
        "Each project has an impact map: the effects per participant from research on a comparable reference project, corrected for what would have happened without the project (deadweight) and for the share of others (attribution), valued with prices from public sources and discounted to the start.|"
        + "The amounts in this report are the sum of the projects' current maps: the evaluation where one is saved, else the plan.|"
        + "The range comes from one Monte Carlo simulation over all projects together ({0} runs, fixed seed): in each run every project is computed with the same formula as its own map, and the results are added. Projects of the same reference project draw their effects together: when the research behind a kind of project overestimates its effects, it does so for all of them at once. Prices take the same value for all projects within a run. P10 and P90 are those of the sum, never the sum of the projects' P10s.|"
        + "Money returned counts transfers (such as benefit payments); the value to society leaves them out and counts wellbeing and health. Both are estimates, not measurements.");
    public static readonly Text SourcesHeading = new("Bronnen", "Sources");
    public static readonly Text Footer = new("{0} · model {1} · prijspeil {2} · gemaakt met Impactkaart (open source) · pagina {3}",
        "{0} · model {1} · price year {2} · made with Impactkaart (open source) · page {3}");

    // The workbook's sheet names and its own columns.
    public static readonly Text TotalsSheet = new("Totalen", "Totals");
    public static readonly Text ProjectsSheet = new("Projecten", "Projects");
    public static readonly Text PayersSheet = new("Partijen", "Payers");
    public static readonly Text SectorsSheet = new("Sectoren", "Sectors");
    public static readonly Text AgreementsSheet = new("Afspraken", "Agreements");
    public static readonly Text QualitativeSheet = new("Kwalitatief", "Qualitative");
    public static readonly Text SourcesSheet = new("Bronnen", "Sources");
    public static readonly Text What = new("Wat", "What");
    public static readonly Text Value = new("Waarde", "Value");
    public static readonly Text Funder = new("Financier", "Funder");
    public static readonly Text Selection = new("Selectie", "Selection");
    public static readonly Text Date = new("Datum", "Date");
    public static readonly Text ProjectCount = new("Projecten", "Projects");
    public static readonly Text ProviderCount = new("Aanbieders", "Providers");
    public static readonly Text BenefitsMoney = new("Baten, geldstromen (euro)", "Benefits, money view (euro)");
    public static readonly Text BenefitsWelfare = new("Baten, maatschappelijke welvaart (euro)", "Benefits, value to society (euro)");
    public static readonly Text InvestedEuro = new("Geïnvesteerd (euro)", "Invested (euro)");
    public static readonly Text NpvMoney = new("Netto contante waarde, geldstromen (euro)", "Net present value, money view (euro)");
    public static readonly Text NpvWelfare = new("Netto contante waarde, maatschappelijke welvaart (euro)", "Net present value, value to society (euro)");
    public static readonly Text RatioMoney = new("Baten per euro, geldstromen", "Benefits per euro, money view");
    public static readonly Text RatioWelfare = new("Baten per euro, maatschappelijke welvaart", "Benefits per euro, value to society");
    public static readonly Text P10 = new("Netto contante waarde P10 (euro)", "Net present value P10 (euro)");
    public static readonly Text P50 = new("Netto contante waarde P50 (euro)", "Net present value P50 (euro)");
    public static readonly Text P90 = new("Netto contante waarde P90 (euro)", "Net present value P90 (euro)");
    public static readonly Text Chance = new("Kans netto contante waarde boven nul", "Chance net present value above zero");
    public static readonly Text WelfarePrefix = new("Maatschappelijke waarde: ", "Value to society: ");
    public static readonly Text HoursSavedRow = new("Uren bespaard", "Hours saved");
    public static readonly Text FteSavedRow = new("Fte-jaren bespaard", "FTE-years saved");
    public static readonly Text BenefitsEuro = new("Baten (euro)", "Benefits (euro)");
    public static readonly Text TransfersEuro = new("Waarvan overdrachten (euro)", "Of which transfers (euro)");
    public static readonly Text Citation = new("Bron", "Source");
    public static readonly Text Year = new("Jaar", "Year");
    public static readonly Text Reliability = new("Soort", "Kind");
    public static readonly Text Address = new("Adres", "Address");
    public static readonly Text Effect = new("Effect", "Effect");
    public static readonly Text MethodSheetLine = new("Methode", "Method");
}
