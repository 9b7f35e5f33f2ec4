using Impactkaart.Engine;

namespace Impactkaart.Reports.Batch;

/// <summary>The batch's texts in Dutch and English: result columns and messages about the file.</summary>
public static class BatchTexts
{
    public static readonly Text SheetName = new("Resultaten", "Results");
    public static readonly Text Line = new("regel", "line");
    public static readonly Text Name = new("naam", "name");
    public static readonly Text ReferenceProject = new("referentieproject", "reference project");
    public static readonly Text Ratio = new("opbrengst per euro", "return per euro");
    public static readonly Text Costs = new("kosten", "costs");
    public static readonly Text Benefits = new("baten", "benefits");
    public static readonly Text NetPresentValue = new("netto contante waarde", "net present value");
    public static readonly Text HoursSaved = new("bespaarde uren", "hours saved");
    public static readonly Text FteSaved = new("bespaarde fte-jaren", "FTE-years saved");
    public static readonly Text WelfareRatio = new("welvaart per euro", "welfare return per euro");
    public static readonly Text RatioP10 = new("opbrengst per euro P10", "return per euro P10");
    public static readonly Text RatioP90 = new("opbrengst per euro P90", "return per euro P90");
    public static readonly Text Error = new("fout", "error");
    public static readonly Text Warning = new("waarschuwing", "warning");
    public static readonly Text AssumedShare = new("aandeel baten op aannames", "share of benefits on assumptions");
    public static readonly Text ProbabilityAboveOne = new("kans opbrengst per euro boven 1", "chance return per euro above 1");
    public static readonly Text Column = new("kolom", "column");
    public static readonly Text Message = new("melding", "message");

    public static readonly Text EmptyFile = new("Het bestand is leeg: de eerste regel moet de kolomnamen bevatten.", "The file is empty: the first line must hold the column names.");
    public static readonly Text NotExcel = new("Het bestand is geen leesbaar Excel-bestand (.xlsx). Sla het op als Excel-werkmap of als CSV.",
        "The file is not a readable Excel file (.xlsx). Save it as an Excel workbook or as CSV.");
    public static readonly Text UnknownFormat = new("Onbekend bestandstype '{0}': gebruik .csv of .xlsx.", "Unknown file type '{0}': use .csv or .xlsx.");
    public static readonly Text MissingColumns = new("Deze kolommen ontbreken: {0}. De eerste regel moet de kolomnamen bevatten, bijvoorbeeld: naam;referentieproject;deelnemers;kosten.",
        "These columns are missing: {0}. The first line must hold the column names, for example: naam;referentieproject;deelnemers;kosten.");
    public static readonly Text BrokenCharacters = new("Deze cel bevat tekens die geen geldige UTF-8 zijn. Sla het bestand op als 'CSV UTF-8'.",
        "This cell holds characters that are not valid UTF-8. Save the file as 'CSV UTF-8'.");
}
