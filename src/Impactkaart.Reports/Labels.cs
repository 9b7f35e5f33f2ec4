using Impactkaart.Engine;

namespace Impactkaart.Reports;

/// <summary>
/// Labels every output of a map shares (the CLI, the web app, the reports), in Dutch and English, so a figure is
/// called the same everywhere. Placeholders {0}, {1}, ... are filled in the reader's culture by <see cref="Formats.Format"/>.
/// </summary>
public static class Labels
{
    public static readonly Text ReliabilityOfficial = new("officieel", "official");
    public static readonly Text ReliabilityStudy = new("onderzoek", "study");
    public static readonly Text ReliabilityOther = new("overig", "other");
    public static readonly Text KindTransfer = new("overdracht", "transfer");
    public static readonly Text KindResource = new("middelen", "resource");
    public static readonly Text BasisSource = new("bron: {0}", "source: {0}");
    public static readonly Text BasisAssumption = new("aanname: {0}", "assumption: {0}");
    public static readonly Text AboveNinetyNine = new("> 99%", "> 99%");
    public static readonly Text BelowOne = new("< 1%", "< 1%");
    public static readonly Text PhasePlan = new("plan (vooraf)", "plan (ex ante)");
    public static readonly Text PhaseEvaluation = new("evaluatie (achteraf, met gemeten uitkomsten)", "evaluation (ex post, with measured outcomes)");
    public static readonly Text NoRatio = new("Geen verhouding: de kosten zijn nul.", "No ratio: the costs are zero.");
    public static readonly Text CostsPv = new("Kosten (contante waarde)", "Costs (present value)");
    public static readonly Text BenefitsFinancial = new("Baten in geld", "Benefits in money");
    public static readonly Text BenefitsWelfare = new("Maatschappelijke baten", "Benefits to society");
    public static readonly Text Npv = new("Netto contante waarde in geld", "Net present value in money");
    public static readonly Text NpvWelfare = new("Netto contante waarde voor de samenleving", "Net present value to society");
    public static readonly Text RangeBetween = new("tussen {0} en {1}", "between {0} and {1}");
    public static readonly Text NpvRange = new("Bandbreedte netto contante waarde in geld", "Range of the net present value in money");
    public static readonly Text EightOfTen = new("8 van de 10 uitkomsten", "8 in 10 outcomes");
    public static readonly Text WelfareRatio = new("Maatschappelijke waarde per euro", "Value to society per euro");
    public static readonly Text Payback = new("Terugverdientijd", "Payback period");
    public static readonly Text NoPayback = new("niet binnen de looptijd van de effecten", "not within the effects' duration");
    public static readonly Text BenefitPerParticipant = new("Baten per deelnemer", "Benefit per participant");
    public static readonly Text CostPerParticipant = new("Kosten per deelnemer", "Cost per participant");
    public static readonly Text BreakEvenParticipants = new("Break-even: deelnemers", "Break-even: participants");
    public static readonly Text BreakEvenParticipantsValue = new("{0} (bij dezelfde totale kosten)", "{0} (at the same total cost)");
    public static readonly Text BreakEvenEffect = new("Break-even: effect", "Break-even: effect");
    public static readonly Text BreakEvenEffectValue = new("{0} van het gemodelleerde effect volstaat ({1} kleiner mag)", "{0} of the modelled effect suffices (it may be {1} smaller)");
    public static readonly Text BreakEvenEffectLarger = new("{0} van het gemodelleerde effect is nodig ({1} groter)", "{0} of the modelled effect is needed ({1} larger)");
    public static readonly Text NotApplicable = new("n.v.t.", "n/a");
    public static readonly Text CostStaff = new("Personeel", "Staff");
    public static readonly Text CostVolunteers = new("Vrijwilligers", "Volunteers");
    public static readonly Text CostMaterial = new("Materiaal", "Material");
    public static readonly Text CostOverhead = new("Overhead", "Overhead");
    public static readonly Text Total = new("Totaal", "Total");
    public static readonly Text Year = new("Jaar", "Year");
    public static readonly Text DiscountFactor = new("Disconteringsfactor", "Discount factor");
    public static readonly Text Costs = new("Kosten", "Costs");
    public static readonly Text Outcome = new("Uitkomst", "Outcome");
    public static readonly Text NetEffect = new("Netto effect per deelnemer", "Net effect per participant");
    public static readonly Text Evidence = new("Bewijs", "Evidence");
    public static readonly Text Share = new("Aandeel", "Share");
    public static readonly Text Domain = new("Domein", "Domain");
    public static readonly Text Payer = new("Partij", "Party");
    public static readonly Text OfWhichTransfers = new("Waarvan overdrachten", "Of which transfers");
    public static readonly Text WithoutTransfers = new("Zonder overdrachten", "Without transfers");
    public static readonly Text Profession = new("Beroep", "Profession");
    public static readonly Text Sector = new("Sector", "Sector");
    public static readonly Text Hours = new("Uren", "Hours");
    public static readonly Text Fte = new("Fte-jaren", "FTE-years");
    public static readonly Text Question = new("Vraag", "Question");
    public static readonly Text Answer = new("Antwoord", "Answer");
    public static readonly Text Multiplier = new("Factor", "Multiplier");
    public static readonly Text NotCountedHeading = new("Bewust niet meegeteld", "Deliberately not counted");
    public static readonly Text QualitativeHeading = new("Kwalitatieve effecten (niet in euro's)", "Qualitative effects (not in euros)");
    public static readonly Text SourcesHeading = new("Bronnen", "Sources");
    public static readonly Text Id = new("Id", "Id");
    public static readonly Text Citation = new("Bron", "Citation");
    public static readonly Text Reliability = new("Betrouwbaarheid", "Reliability");
    public static readonly Text KindColumn = new("Soort", "Kind");
    public static readonly Text TransfersNote = new(
        "Een uitkering die eerder stopt is een besparing voor de gemeente of het UWV: die telt mee in de opbrengst in geld. Voor de samenleving als geheel verschuift dat geld alleen van de een naar de ander, dus in de maatschappelijke waarde telt het niet.",
        "A benefit payment that stops sooner is a saving for the municipality or the UWV: it counts in money returned. For society as a whole that money only moves from one party to another, so it does not count in value to society.");
    public static readonly Text LabourNote = new("Uren over de hele looptijd van de effecten; fte = uren / productieve uren per fte-jaar van dat beroep.",
        "Hours over the effects' whole duration; FTE = hours / productive hours per FTE-year of that profession.");
    public static readonly Text ByOutcomeHeading = new("Baten per uitkomst", "Benefits by outcome");
    public static readonly Text ByDomainHeading = new("Baten per domein", "Benefits by domain");
    public static readonly Text ByPayerHeading = new("Wie betaalt, wie wint: baten per partij", "Who pays, who gains: benefits by party");
    public static readonly Text LabourHeading = new("Bespaard werk van professionals", "Professional work saved");
    public static readonly Text PerYearHeading = new("Kosten en baten per jaar", "Costs and benefits by year");
    public static readonly Text Amount = new("Bedrag", "Amount");
    public static readonly Text Value = new("Waarde", "Value");
    public static readonly Text Figure = new("Kengetal", "Figure");
    public static readonly Text KeyFiguresHeading = new("Kerncijfers", "Key figures");
    public static readonly Text MeasuredMark = new("(gemeten)", "(measured)");

    // The map's two views, named so a social worker can tell them apart; the same words on every surface.
    public static readonly Text MoneyView = new("Opbrengst in geld", "Money returned");
    public static readonly Text MoneyViewExplained = new("Wat overheid, zorg en werkgevers besparen, uitkeringen meegerekend.",
        "What public budgets, care and employers save, benefit payments included.");
    public static readonly Text WelfareView = new("Maatschappelijke waarde", "Value to society");
    public static readonly Text WelfareViewExplained = new("Wat de hele samenleving wint, ook aan welzijn; uitkeringen niet meegerekend (zoals in een MKBA).",
        "What society as a whole gains, wellbeing included; benefit payments left out (as in an MKBA).");
    public static readonly Text PerEuroInvested = new("per geïnvesteerde euro", "per euro invested");

    /// <summary>The headline sentence of a view: "Opbrengst in geld: elke geïnvesteerde euro levert € 1,90 op."</summary>
    public static readonly Text ViewHeadline = new("{0}: elke geïnvesteerde euro levert {1} op.", "{0}: every euro invested returns {1}.");
    public static readonly Text ViewRange = new("80% van de uitkomsten ligt tussen {0} en {1}", "80% of outcomes lie between {0} and {1}");
    public static readonly Text ViewChance = new("Kans dat de baten de kosten overtreffen: {0}", "Chance that benefits exceed costs: {0}");
    public static readonly Text TransfersOnlyInMoney = new("Uitkeringen en andere overdrachten: {0}, alleen in de opbrengst in geld", "Benefit payments and other transfers: {0}, only in money returned");
    public static readonly Text WellbeingOnlyInWelfare = new("Welzijnswaarde: {0}, alleen in de maatschappelijke waarde", "Wellbeing value: {0}, only in value to society");
    public static readonly Text Wellbeing = new("Welzijnswaarde", "Wellbeing value");
    public static readonly Text BenefitsShort = new("Baten", "Benefits");
    public static readonly Text NpvShort = new("netto", "net");
    public static readonly Text CentralAssumes = new("De grote getallen gaan ervan uit dat de effecten optreden zoals het referentieproject verwacht.",
        "The large figures assume the effects occur as the reference project expects.");
    public static readonly Text CentralAssumesWhy = new("De bandbreedte rekent er ook mee dat zwak onderbouwde effecten kunnen uitblijven; daarom ligt de middelste uitkomst vaak lager.",
        "The range also allows for weakly supported effects not occurring; that is why the middle outcome is often lower.");
    public static readonly Text AssumedShare = new("{0} van de baten rust op aannames, niet op gemeten effecten.", "{0} of the benefits rest on assumptions, not on measured effects.");
    public static readonly Text AllAssumed = new("Alle baten rusten op aannames, niet op gemeten effecten.", "All benefits rest on assumptions, not on measured effects.");
    public static readonly Text NoneAssumed = new("Geen van de baten rust op aannames: elk effect is gemeten.", "None of the benefits rest on assumptions: every effect is measured.");
    public static readonly Text CalibratedShare = new("{0} van de baten komt uit effecten die zijn afgestemd op het voorbeeld van de sector.", "{0} of the benefits come from effects calibrated to the sector's example.");
    public static readonly Text AllCalibrated = new("Alle baten komen uit effecten die zijn afgestemd op het voorbeeld van de sector.", "All benefits come from effects calibrated to the sector's example.");
    public static readonly Text Calibrated = new("afgestemd op het voorbeeld van de sector", "calibrated to the sector's example");
    public static readonly Text EvidenceBasisColumn = new("Waar het bewijs op rust", "What the evidence rests on");
    public static readonly Text EvidenceHeading = new("Waar de kaart op rust", "What the map rests on");
    public static readonly Text WarningHeading = new("Let op", "Please note");
    public static readonly Text WarningLine = new("Let op: {0}", "Please note: {0}");
}
