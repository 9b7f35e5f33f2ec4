using Impactkaart.Engine;

namespace Impactkaart.Reports;

/// <summary>Texts only the downloads use (workbook here, PDF and pictures in Impactkaart.Documents), in Dutch and English. Labels the CLI and web app share are in <see cref="Labels"/>.</summary>
public static class ReportTexts
{
    public static readonly Text Title = new("Impactkaart", "Impact map");
    public static readonly Text RangeDetail = new("(P10-P90 uit {0} trekkingen, seed {1})", "(P10-P90 from {0} draws, seed {1})");
    public static readonly Text NoUncertainty = new("Geen onzekerheidsanalyse (geen trekkingen).", "No uncertainty analysis (no draws).");
    public static readonly Text BreakEvenLine = new("Break-even bij {0} deelnemers; het effect mag {1} kleiner zijn.", "Break-even at {0} participants; the effect may be {1} smaller.");
    public static readonly Text BreakEvenLineLarger = new("Break-even bij {0} deelnemers, of als het effect {1} groter is dan gemodelleerd.", "Break-even at {0} participants, or with an effect {1} larger than modelled.");

    public static readonly Text ReferenceProject = new("Referentieproject", "Reference project");
    public static readonly Text Participants = new("Deelnemers", "Participants");
    public static readonly Text Duration = new("Looptijd", "Duration");
    public static readonly Text MonthsValue = new("{0} maanden", "{0} months");
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
    public static readonly Text HoursFte = new("{0} uur · {1} fte", "{0} hours · {1} FTE");
    public static readonly Text HoursWord = new("{0} uur", "{0} hours");
    public static readonly Text OwnHoursBar = new("Eigen inzet project", "Project's own work");
    public static readonly Text OwnHoursEstimatedBar = new("Eigen inzet project (geschat)", "Project's own work (estimated)");
    public static readonly Text NoHours = new("Volgens het model bespaart dit project geen uren van andere professionals.", "According to the model this project saves no hours of other professionals.");
    public static readonly Text NoBenefits = new("Geen baten in euro's.", "No benefits in euros.");
    public static readonly Text TotalHours = new("Totaal {0} uur ({1} fte-jaren) bespaard over de looptijd van de effecten.", "In all {0} hours ({1} FTE-years) saved over the effects' duration.");
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
