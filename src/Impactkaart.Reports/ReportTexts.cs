using Impactkaart.Engine;

namespace Impactkaart.Reports;

/// <summary>Texts only the downloads use (workbook here, PDF and pictures in Impactkaart.Documents), in Dutch and English. Labels the CLI and web app share are in <see cref="Labels"/>.</summary>
public static class ReportTexts
{
    public static readonly Text Title = new("Impactkaart", "Impact map");
    // Plain words for a funder: how the range came about, without "P10", "draws" or "seed" (those are in the workbook and the JSON).
    public static readonly Text RangeDetail = new("De bandbreedte komt uit {0} doorrekeningen van de kaart, elke keer met andere aannames binnen hun marges.",
        "The range comes from {0} runs of the map, each time with other assumptions within their margins.");
    public static readonly Text NoUncertainty = new("Geen onzekerheidsanalyse (geen trekkingen).", "No uncertainty analysis (no draws).");
    public static readonly Text BreakEvenLine = new("De baten zijn gelijk aan de kosten bij {0}, of bij een effect dat {1} kleiner is dan verwacht.",
        "Benefits equal the costs at {0}, or with an effect {1} smaller than expected.");
    public static readonly Text BreakEvenLineLarger = new("De baten zijn gelijk aan de kosten bij {0}, of als het effect {1} groter is dan verwacht.",
        "Benefits equal the costs at {0}, or with an effect {1} larger than expected.");

    public static readonly Text ReferenceProject = new("Referentieproject", "Reference project");
    public static readonly Text Participants = new("Deelnemers", "Participants");
    public static readonly Text Duration = new("Looptijd", "Duration");
    public static readonly Text Phase = new("Fase", "Phase");
    public static readonly Text Start = new("Start", "Start");
    public static readonly Text ProjectName = new("Projectnaam", "Project name");
    public static readonly Text NoName = new("(geen naam)", "(no name)");

    public static readonly Text CostsVersusBenefits = new("Kosten en baten", "Costs and benefits");
    public static readonly Text ByPayer = new("Baten per partij (wie wint)", "Benefits by party (who gains)");
    public static readonly Text ByDomain = new("Baten per domein", "Benefits by domain");
    public static readonly Text HoursBySector = new("Bespaarde uren per sector", "Hours saved by sector");
    public static readonly Text TopProfessions = new("Meeste uren: {0}", "Most hours: {0}");
    public static readonly Text AndMore = new("en {0} meer", "and {0} more");
    public static readonly Text HoursFte = new("{0} · {1} fte", "{0} · {1} FTE");
    public static readonly Text OwnHoursBar = new("Eigen inzet project", "Project's own work");
    public static readonly Text OwnHoursEstimatedBar = new("Eigen inzet project (geschat)", "Project's own work (estimated)");
    public static readonly Text NoHours = new("Volgens het model bespaart dit project geen uren van andere professionals.", "According to the model this project saves no hours of other professionals.");
    public static readonly Text NoBenefits = new("Geen baten in euro's.", "No benefits in euros.");
    public static readonly Text TotalHours = new("Totaal {0} ({1} fte-jaren) bespaard over de looptijd van de effecten.", "In all {0} ({1} FTE-years) saved over the effects' duration.");
    public static readonly Text ChartDescription = new("{0}: {1}.", "{0}: {1}.");

    public static readonly Text Footer = new("Model {0} · prijspeil {1} · discontovoet {2} · bedragen zijn contante waarden bij de start · gemaakt met Impactkaart (open source)",
        "Model {0} · {1} prices · discount rate {2} · amounts are present values at the start · made with Impactkaart (open source)");
    public static readonly Text ModelLine = new("Model {0} · prijspeil {1}", "Model {0} · {1} prices");
    public static readonly Text CostsAndBenefits = new("Kosten {0}, baten in geld {1}, maatschappelijke baten {2}.", "Costs {0}, benefits in money {1}, benefits to society {2}.");
    public static readonly Text HoursSentence = new("Bespaarde uren van professionals: {0}.", "Hours of professionals' work saved: {0}.");
    public static readonly Text KeyFigures = new("Kerncijfers", "Key figures");
    public static readonly Text Labour = new("Bespaard werk van professionals", "Professional work saved");
    public static readonly Text Sources = new("Bronnen", "Sources");
}
