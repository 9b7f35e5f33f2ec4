using Impactkaart.Engine;

namespace Impactkaart.Reports;

/// <summary>
/// Labels every output of a map shares (the CLI, the web app, the reports), in Dutch and English, so a figure is
/// called the same everywhere. Placeholders {0}, {1}, ... are filled in the reader's culture by <see cref="Formats.Format"/>.
/// </summary>
public static class Labels
{
    public static readonly Text EvidenceStrong = new("sterk", "strong");
    public static readonly Text EvidenceModerate = new("redelijk", "moderate");
    public static readonly Text EvidenceLimited = new("beperkt", "limited");
    public static readonly Text EvidenceIndicative = new("indicatief", "indicative");
    public static readonly Text ReliabilityOfficial = new("officieel", "official");
    public static readonly Text ReliabilityStudy = new("onderzoek", "study");
    public static readonly Text ReliabilityOther = new("overig", "other");
    public static readonly Text KindTransfer = new("overdracht", "transfer");
    public static readonly Text KindResource = new("middelen", "resource");
    public static readonly Text BasisSource = new("bron: {0}", "source: {0}");
    public static readonly Text BasisAssumption = new("aanname: {0}", "assumption: {0}");
    public static readonly Text AboveNinetyNine = new("meer dan 99%", "more than 99%");
    public static readonly Text BelowOne = new("minder dan 1%", "less than 1%");
    public static readonly Text PhasePlan = new("plan (vooraf)", "plan (ex ante)");
    public static readonly Text PhaseEvaluation = new("evaluatie (achteraf, met gemeten uitkomsten)", "evaluation (ex post, with measured outcomes)");
    public static readonly Text NoRatio = new("Geen verhouding: de kosten zijn nul.", "No ratio: the costs are zero.");
    public static readonly Text CostsPv = new("Kosten (contante waarde)", "Costs (present value)");
    public static readonly Text BenefitsFinancial = new("Baten (financieel)", "Benefits (financial)");
    public static readonly Text BenefitsWelfare = new("Baten (welvaart)", "Benefits (welfare)");
    public static readonly Text Npv = new("Netto contante waarde", "Net present value");
    public static readonly Text NpvWelfare = new("Netto contante waarde (welvaart)", "Net present value (welfare)");
    public static readonly Text NpvInterval = new("Netto contante waarde, 80% van de uitkomsten", "Net present value, 80% of outcomes");
    public static readonly Text Between = new("{0} tot {1}", "{0} to {1}");
    public static readonly Text WelfareRatio = new("Opbrengst per euro (welvaart, zonder overdrachten)", "Return per euro (welfare, without transfers)");
    public static readonly Text Payback = new("Terugverdientijd", "Payback period");
    public static readonly Text YearsValue = new("{0} jaar", "{0} years");
    public static readonly Text NoPayback = new("niet binnen de looptijd van de effecten", "not within the effects' duration");
    public static readonly Text BenefitPerParticipant = new("Baten per deelnemer", "Benefit per participant");
    public static readonly Text CostPerParticipant = new("Kosten per deelnemer", "Cost per participant");
    public static readonly Text BreakEvenParticipants = new("Break-even: deelnemers", "Break-even: participants");
    public static readonly Text BreakEvenParticipantsValue = new("{0} (bij dezelfde totale kosten)", "{0} (at the same total cost)");
    public static readonly Text BreakEvenEffect = new("Break-even: effect", "Break-even: effect");
    public static readonly Text BreakEvenEffectValue = new("{0} van het gemodelleerde effect volstaat ({1} kleiner mag)", "{0} of the modelled effect suffices (it may be {1} smaller)");
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
    public static readonly Text Profession = new("Beroep", "Profession");
    public static readonly Text Sector = new("Sector", "Sector");
    public static readonly Text Hours = new("Uren", "Hours");
    public static readonly Text Fte = new("Fte-jaren", "FTE-years");
    public static readonly Text Question = new("Vraag", "Question");
    public static readonly Text Answer = new("Antwoord", "Answer");
    public static readonly Text Multiplier = new("Factor", "Multiplier");
    public static readonly Text QualitativeHeading = new("Kwalitatieve effecten (niet in euro's)", "Qualitative effects (not in euros)");
    public static readonly Text SourcesHeading = new("Bronnen", "Sources");
    public static readonly Text Id = new("Id", "Id");
    public static readonly Text Citation = new("Bron", "Citation");
    public static readonly Text Reliability = new("Betrouwbaarheid", "Reliability");
    public static readonly Text KindColumn = new("Soort", "Kind");
    public static readonly Text TransfersNote = new(
        "Overdrachten (zoals een uitkering die eerder stopt) tellen mee in het financiële perspectief, want de betaler bespaart ze, maar niet in het welvaartsperspectief: wat de een bespaart, ontvangt de ander minder.",
        "Transfers (such as a benefit payment that stops sooner) count in the financial view, because the payer saves them, but not in the welfare view: what one party saves, another receives less.");
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
    public static readonly Text ParticipantsCount = new("{0} deelnemers", "{0} participants");
    public static readonly Text ChanceLabel = new("Kans dat de baten de kosten overtreffen", "Chance that benefits exceed costs");
}
