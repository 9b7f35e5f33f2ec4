using System.Globalization;
using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Reports;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Projects;
using Impactkaart.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Funding;

/// <summary>Where an agreement stands. A declined or withdrawn proposal is removed; the audit logs keep it.</summary>
public enum AgreementStatus
{
    Proposed,
    Accepted,
}

/// <summary>A funder's proposal as typed: every value still text.</summary>
public sealed record AgreementProposal(string? Kind, string? Label, string? Target, string? Due, string? Note);

/// <summary>The result of an agreement change: done (with the agreement), or field messages, or not found.</summary>
public sealed record AgreementResult(FundingOutcome Outcome, IReadOnlyList<FieldError>? Errors = null, ResultAgreement? Agreement = null)
{
    public IReadOnlyList<FieldError> FieldErrors => Errors ?? [];

    public static readonly AgreementResult NotFound = new(FundingOutcome.NotFound);
}

/// <summary>Something a funder can propose to agree on, with what the plan expects of it (null for a count).</summary>
public sealed record AgreementChoice(string Value, AgreementKind Kind, string OutcomeId, Text Label, Unit? Unit, decimal? Planned);

/// <summary>
/// The two maps an agreement is read against: the newest PLAN version (what was expected) and the current version
/// when it is an evaluation (what was realised). Both are computed from the stored inputs under the running model,
/// without Monte Carlo draws. Expected value of an outcome = participants x the net effect per participant of the
/// map (after deadweight and attribution, <see cref="OutcomeFigures.NetEffectPerParticipant"/>).
/// </summary>
public sealed record AgreementBasis(ImpactMap? Plan, ImpactMap? Evaluation)
{
    public const string ParticipantsChoice = "deelnemers";
    public const string CountChoice = "aantal";
    public const string OutcomePrefix = "uitkomst:";

    /// <summary>Participants, each outcome of the plan (else of the evaluation), and a count of the funder's own.</summary>
    public IReadOnlyList<AgreementChoice> Choices()
    {
        var map = Plan ?? Evaluation;
        return
        [
            new(ParticipantsChoice, AgreementKind.Participants, "", Agreements.ParticipantsLabel, null, Expected(Plan, AgreementKind.Participants, "")),
            .. (map?.ByOutcome ?? []).Select(o => new AgreementChoice(OutcomePrefix + o.Outcome.Id, AgreementKind.Outcome, o.Outcome.Id,
                o.Outcome.Label, o.Outcome.Unit, Expected(Plan, AgreementKind.Outcome, o.Outcome.Id))),
            new(CountChoice, AgreementKind.Count, "", new Text("Een eigen telling", "A count of your own"), null, null),
        ];
    }

    /// <summary>The date the plan ends (start + duration), or null without a plan with a start date.</summary>
    public DateOnly? PlanEnd => Plan?.Input is { Start: { } start } input ? start.AddMonths(input.Months).AddDays(-1) : null;

    /// <summary>What a map expects or realised of a kind: its participants, or participants x net effect per participant; null without map or outcome.</summary>
    public static decimal? Expected(ImpactMap? map, AgreementKind kind, string outcomeId) => map is null ? null : kind switch
    {
        AgreementKind.Participants => map.Input.Participants,
        AgreementKind.Outcome => map.ByOutcome.FirstOrDefault(o => o.Outcome.Id == outcomeId) is { } outcome
            ? map.Input.Participants * outcome.NetEffectPerParticipant
            : null,
        _ => null,
    };

    /// <summary>A default target: the plan's value rounded to whole units from 10 up, to one decimal below.</summary>
    public static decimal? DefaultTarget(decimal? planned) => planned is not { } value ? null
        : Math.Round(value, Math.Abs(value) >= 10m ? 0 : 1, MidpointRounding.AwayFromZero);
}

/// <summary>One agreement as the pages, the council report and the API read it: its words, target, plan and realised value.</summary>
public sealed record AgreementView(
    ResultAgreement Agreement, string FunderName, string ProviderName, string ProjectName, Text Label, Unit? Unit,
    decimal? Planned, decimal? Realised, bool Measured, Text Difference)
{
    public AgreementStatus Status => Agreement.AcceptedAt is null ? AgreementStatus.Proposed : AgreementStatus.Accepted;

    public Text StatusText => Status == AgreementStatus.Accepted ? new("aangenomen", "accepted") : new("voorgesteld", "proposed");

    public Text KindText => Agreement.Kind switch
    {
        AgreementKind.Participants => new("deelnemers", "participants"),
        AgreementKind.Outcome => new("uitkomst", "outcome"),
        _ => new("telling", "count"),
    };

    /// <summary>A value of this agreement in the reader's language ("80 deelnemers", "96 maanden", "12"); "—" for none.</summary>
    public string Show(Formats formats, decimal? value) => value is { } v ? Agreements.Value(formats, Agreement.Kind, Unit, v) : "—";

    public string Due => Agreement.Due.ToString(DutchTime.DateFormat, CultureInfo.InvariantCulture);
}

/// <summary>
/// Result agreements between a funder and a provider for a connected project: the funder proposes (or withdraws a
/// proposal), the provider accepts or declines and reports a count and a story. Only on connections the funder may
/// see (<see cref="FunderAccess.Visible"/>); another organisation's id is "not found". Every change is written to the
/// audit logs of both organisations in the same save. Realised values of participants and outcomes come from the
/// project's current version when it is an evaluation (see <see cref="AgreementBasis"/>), so saving an evaluation
/// fills them without any other step; a count is what the provider reports.
/// </summary>
public sealed class Agreements(ImpactkaartDb db, ImpactModel model, Audit audit, TimeProvider clock)
{
    public const string KindField = "soort";
    public const string LabelField = "omschrijving";
    public const string TargetField = "doel";
    public const string DueField = "datum";
    public const string NoteField = "toelichting";
    public const string CountField = "aantal";
    public const string StoryField = "verhaal";

    public const decimal MaxTarget = 100_000_000m;

    public static readonly Text ParticipantsLabel = new("Deelnemers bereikt", "Participants reached");

    /// <summary>The funder's visible connection with this id, or null (another funder's, not accepted, project deleted).</summary>
    public Task<FundedProject?> FundingAsync(Guid funderId, Guid fundingId, CancellationToken cancellationToken = default) =>
        FunderAccess.Visible(db, funderId).SingleOrDefaultAsync(f => f.Id == fundingId, cancellationToken);

    /// <summary>The plan and evaluation maps of a project (see <see cref="AgreementBasis"/>).</summary>
    public async Task<AgreementBasis> BasisAsync(Guid projectId, CancellationToken cancellationToken = default)
    {
        var versions = await db.ProjectVersions.AsNoTracking().Where(v => v.ProjectId == projectId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var plan = versions.Where(v => v.Phase == Phase.Plan).MaxBy(v => v.Number);
        var current = ProjectStore.CurrentOf(versions);
        return new AgreementBasis(Map(plan), current?.Phase == Phase.Evaluation ? Map(current) : null);
    }

    /// <summary>The agreements of one visible connection, oldest first.</summary>
    public async Task<List<AgreementView>> ForFundingAsync(FundedProject funding, AgreementBasis basis, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(funding);
        var agreements = await db.ResultAgreements.AsNoTracking().Where(a => a.FundedProjectId == funding.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return await ViewsAsync(agreements, _ => basis, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The agreements of a provider's project with all its funders, by funder then oldest first.</summary>
    public async Task<List<AgreementView>> ForProjectAsync(Guid providerId, Guid projectId, AgreementBasis basis, CancellationToken cancellationToken = default)
    {
        var agreements = await db.ResultAgreements.AsNoTracking().Where(a => a.ProjectId == projectId && a.ProviderId == providerId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return await ViewsAsync(agreements, _ => basis, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every agreement on the funder's visible connections (optionally only these connections), for the council report
    /// and the API: each project's maps are computed once.
    /// </summary>
    public async Task<List<AgreementView>> ForFunderAsync(Guid funderId, IReadOnlyCollection<Guid>? fundingIds = null, CancellationToken cancellationToken = default)
    {
        var visible = await FunderAccess.Visible(db, funderId).Select(f => f.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var wanted = fundingIds is null ? visible : [.. visible.Intersect(fundingIds)];
        var agreements = new List<ResultAgreement>();
        foreach (var chunk in wanted.Chunk(500))
        {
            agreements.AddRange(await db.ResultAgreements.AsNoTracking().Where(a => chunk.Contains(a.FundedProjectId))
                .ToListAsync(cancellationToken).ConfigureAwait(false));
        }
        var bases = new Dictionary<Guid, AgreementBasis>();
        foreach (var projectId in agreements.Select(a => a.ProjectId).Distinct())
        {
            bases[projectId] = await BasisAsync(projectId, cancellationToken).ConfigureAwait(false);
        }
        return await ViewsAsync(agreements, a => bases[a.ProjectId], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The funder proposes an agreement on one of its visible connections; field messages name what to fix.</summary>
    public async Task<AgreementResult> ProposeAsync(Member by, Guid fundingId, AgreementProposal proposal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(proposal);
        var funding = await FundingAsync(by.OrganisationId, fundingId, cancellationToken).ConfigureAwait(false);
        if (funding is null)
        {
            return AgreementResult.NotFound;
        }
        var basis = await BasisAsync(funding.ProjectId, cancellationToken).ConfigureAwait(false);
        var errors = new List<FieldError>();
        var choice = basis.Choices().FirstOrDefault(c => c.Value == (proposal.Kind ?? "").Trim());
        if (choice is null)
        {
            errors.Add(new FieldError(KindField, new Text("Soort: kies wat u wilt afspreken.", "Kind: choose what you want to agree on.")));
        }
        var label = (proposal.Label ?? "").Trim();
        if (choice?.Kind == AgreementKind.Count && label.Length == 0)
        {
            errors.Add(new FieldError(LabelField, new Text("Omschrijving: zeg wat er geteld wordt, bijvoorbeeld \"huishoudens met een betalingsregeling\".",
                "Description: say what is counted, for example \"households with a payment plan\".")));
        }
        else if (label.Length > ResultAgreement.MaxLabel)
        {
            errors.Add(new FieldError(LabelField, new Text($"Omschrijving: gebruik hoogstens {ResultAgreement.MaxLabel} tekens.",
                $"Description: use at most {ResultAgreement.MaxLabel} characters.")));
        }
        // Left empty, the target is what the plan expects (rounded): the default the form also fills in.
        var target = string.IsNullOrWhiteSpace(proposal.Target) && AgreementBasis.DefaultTarget(choice?.Planned) is { } planned
            ? planned
            : ReadNumber(proposal.Target, TargetField, "Doel", "Target", minimumAboveZero: true, errors);
        if (choice?.Kind == AgreementKind.Participants && target is { } whole && whole != decimal.Truncate(whole))
        {
            errors.Add(new FieldError(TargetField, new Text($"Doel: deelnemers zijn hele mensen; vul een heel getal in, bijvoorbeeld {decimal.Truncate(whole)}.",
                $"Target: participants are whole people; enter a whole number, for example {decimal.Truncate(whole)}.")));
            target = null;
        }
        var due = ReadDue(proposal.Due, errors);
        var note = (proposal.Note ?? "").Trim();
        if (note.Length > ResultAgreement.MaxNote)
        {
            errors.Add(new FieldError(NoteField, new Text($"Toelichting: gebruik hoogstens {ResultAgreement.MaxNote} tekens; u gaf er {note.Length}.",
                $"Note: use at most {ResultAgreement.MaxNote} characters; you gave {note.Length}.")));
        }
        if (errors.Count > 0 || choice is null || target is null || due is null)
        {
            return new AgreementResult(FundingOutcome.Invalid, errors);
        }
        var agreement = new ResultAgreement
        {
            Id = Guid.NewGuid(), FundedProjectId = funding.Id, ProjectId = funding.ProjectId, ProviderId = funding.ProviderId,
            FunderId = funding.FunderId, Kind = choice.Kind, OutcomeId = choice.OutcomeId,
            Label = choice.Kind == AgreementKind.Count ? label : choice.Label.Nl,
            Target = (double)target.Value, Due = due.Value, Note = note,
            ProposedBy = by.Id, ProposedByName = by.DisplayName, ProposedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ResultAgreements.Add(agreement);
        var formats = new Formats(Language.Nl);
        await BothAsync(by, agreement, FundingCodes.AgreementProposed,
            $"doel {Value(formats, agreement.Kind, choice.Unit, target.Value)}, uiterlijk {due.Value.ToString(DutchTime.DateFormat, CultureInfo.InvariantCulture)}",
            cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new AgreementResult(FundingOutcome.Done, Agreement: agreement);
    }

    /// <summary>The funder withdraws a proposal the provider has not accepted yet: it is removed.</summary>
    public async Task<AgreementResult> WithdrawAsync(Member by, Guid fundingId, Guid agreementId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (await FundingAsync(by.OrganisationId, fundingId, cancellationToken).ConfigureAwait(false) is null)
        {
            return AgreementResult.NotFound;
        }
        var agreement = await db.ResultAgreements.SingleOrDefaultAsync(
            a => a.Id == agreementId && a.FundedProjectId == fundingId && a.FunderId == by.OrganisationId && a.AcceptedAt == null, cancellationToken).ConfigureAwait(false);
        if (agreement is null)
        {
            return AgreementResult.NotFound;
        }
        db.ResultAgreements.Remove(agreement);
        await BothAsync(by, agreement, FundingCodes.AgreementWithdrawn, "", cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new AgreementResult(FundingOutcome.Done, Agreement: agreement);
    }

    /// <summary>The provider accepts a proposal for its project.</summary>
    public async Task<AgreementResult> AcceptAsync(Member by, Guid projectId, Guid agreementId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var agreement = await ProvidersAsync(by, projectId, agreementId, cancellationToken).ConfigureAwait(false);
        if (agreement is null || agreement.AcceptedAt is not null)
        {
            return AgreementResult.NotFound;
        }
        agreement.AcceptedAt = clock.GetUtcNow().UtcDateTime;
        agreement.AcceptedBy = by.Id;
        agreement.AcceptedByName = by.DisplayName;
        await BothAsync(by, agreement, FundingCodes.AgreementAccepted, "", cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new AgreementResult(FundingOutcome.Done, Agreement: agreement);
    }

    /// <summary>The provider declines a proposal: it is removed; both logs say so.</summary>
    public async Task<AgreementResult> DeclineAsync(Member by, Guid projectId, Guid agreementId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var agreement = await ProvidersAsync(by, projectId, agreementId, cancellationToken).ConfigureAwait(false);
        if (agreement is null || agreement.AcceptedAt is not null)
        {
            return AgreementResult.NotFound;
        }
        db.ResultAgreements.Remove(agreement);
        await BothAsync(by, agreement, FundingCodes.AgreementDeclined, "", cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new AgreementResult(FundingOutcome.Done, Agreement: agreement);
    }

    /// <summary>
    /// The provider reports on an accepted agreement: for a count the number (required), for any kind a story next to
    /// the numbers (required when there is no number to report).
    /// </summary>
    public async Task<AgreementResult> ReportAsync(Member by, Guid projectId, Guid agreementId, string? count, string? story,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var agreement = await ProvidersAsync(by, projectId, agreementId, cancellationToken).ConfigureAwait(false);
        if (agreement is null || agreement.AcceptedAt is null)
        {
            return AgreementResult.NotFound;
        }
        var errors = new List<FieldError>();
        decimal? number = null;
        if (agreement.Kind == AgreementKind.Count)
        {
            if (string.IsNullOrWhiteSpace(count))
            {
                errors.Add(new FieldError(CountField, new Text("Aantal: vul in hoeveel het er zijn, bijvoorbeeld 12.", "Number: enter how many there are, for example 12.")));
            }
            else
            {
                number = ReadNumber(count, CountField, "Aantal", "Number", minimumAboveZero: false, errors);
            }
        }
        var text = (story ?? "").Trim();
        if (text.Length > ResultAgreement.MaxNote)
        {
            errors.Add(new FieldError(StoryField, new Text($"Verhaal: gebruik hoogstens {ResultAgreement.MaxNote} tekens; u gaf er {text.Length}.",
                $"Story: use at most {ResultAgreement.MaxNote} characters; you gave {text.Length}.")));
        }
        else if (agreement.Kind != AgreementKind.Count && text.Length == 0)
        {
            errors.Add(new FieldError(StoryField, new Text("Verhaal: vertel wat er gebeurde; de aantallen komen uit de evaluatie.",
                "Story: tell what happened; the numbers come from the evaluation.")));
        }
        if (errors.Count > 0)
        {
            return new AgreementResult(FundingOutcome.Invalid, errors);
        }
        if (agreement.Kind == AgreementKind.Count)
        {
            agreement.RealisedCount = (double)number!.Value;
        }
        agreement.RealisedNote = text;
        agreement.RealisedAt = clock.GetUtcNow().UtcDateTime;
        var detail = number is { } n ? "aantal " + new Formats(Language.Nl).Number(n) : "verhaal";
        await BothAsync(by, agreement, FundingCodes.AgreementReported, detail, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new AgreementResult(FundingOutcome.Done, Agreement: agreement);
    }

    /// <summary>A value in the reader's words: participants and outcomes with their unit, a count as a plain number.</summary>
    public static string Value(Formats formats, AgreementKind kind, Unit? unit, decimal value)
    {
        ArgumentNullException.ThrowIfNull(formats);
        return kind switch
        {
            AgreementKind.Participants => formats.Count(value, Nouns.Participant),
            AgreementKind.Outcome when unit is not null => formats.Count(value, unit, Math.Abs(value) >= 10m ? 0 : 1),
            _ => formats.Number(value, 2),
        };
    }

    /// <summary>
    /// The difference in words, in both languages: realised against target (share and how many more or fewer) and
    /// what the plan expected; for an outcome also that the realised value is an estimate, and from what.
    /// </summary>
    public static Text Explain(AgreementKind kind, Unit? unit, decimal target, decimal? planned, decimal? realised, bool measured)
    {
        return new Text(Say(new Formats(Language.Nl)), Say(new Formats(Language.En)));

        string Say(Formats f)
        {
            var nl = f.Language == Language.Nl;
            var plan = planned is not { } p ? ""
                : kind == AgreementKind.Participants
                    ? " " + (nl ? $"In het plan stonden er {f.Number(p, 0)}." : $"The plan had {f.Number(p, 0)}.")
                    : kind == AgreementKind.Outcome ? " " + (nl ? $"Het plan verwachtte {Value(f, kind, unit, p)}." : $"The plan expected {Value(f, kind, unit, p)}.") : "";
            if (realised is not { } r)
            {
                return kind == AgreementKind.Count
                    ? (nl ? "Nog niet gemeld door de aanbieder." : "Not yet reported by the provider.")
                    : (nl ? "Nog geen evaluatie: de gerealiseerde waarde volgt zodra de aanbieder een evaluatie opslaat." : "No evaluation yet: the realised value follows once the provider saves an evaluation.") + plan;
            }
            var verb = kind switch
            {
                AgreementKind.Participants => nl ? "Bereikt" : "Reached",
                AgreementKind.Outcome => nl ? "Geschat" : "Estimated",
                _ => nl ? "Gemeld" : "Reported",
            };
            var decimals = kind switch
            {
                AgreementKind.Participants => 0,
                AgreementKind.Count => 2,
                _ => Math.Abs(target) >= 10m ? 0 : 1,
            };
            var gap = Math.Round(r, decimals, MidpointRounding.AwayFromZero) - Math.Round(target, decimals, MidpointRounding.AwayFromZero);
            var share = target > 0 ? $" ({f.Percent(r / target)})" : "";
            var difference = gap == 0m ? (nl ? "precies de afspraak" : "exactly as agreed")
                : gap < 0m ? (nl ? $"{f.Number(-gap, decimals)} minder" : $"{f.Number(-gap, decimals)} fewer")
                : (nl ? $"{f.Number(gap, decimals)} meer" : $"{f.Number(gap, decimals)} more");
            var agreed = nl ? $"{Value(f, kind, unit, r)} van de afgesproken {Value(f, kind, unit, target)}" : $"{Value(f, kind, unit, r)} of the agreed {Value(f, kind, unit, target)}";
            if (kind == AgreementKind.Participants)
            {
                // "65 van de afgesproken 80 deelnemers": the word once, after the target.
                agreed = nl ? $"{f.Number(r, 0)} van de afgesproken {Value(f, kind, unit, target)}" : $"{f.Number(r, 0)} of the agreed {Value(f, kind, unit, target)}";
            }
            var estimate = kind != AgreementKind.Outcome ? ""
                : " " + (measured
                    ? (nl ? "Een schatting: de deelnemers van de evaluatie maal het netto effect per deelnemer uit de gemeten waarde van de evaluatie."
                          : "An estimate: the evaluation's participants times the net effect per participant from the evaluation's measured value.")
                    : (nl ? "Een schatting: de deelnemers van de evaluatie maal het netto effect per deelnemer uit de referentiewaarden (in de evaluatie niet gemeten)."
                          : "An estimate: the evaluation's participants times the net effect per participant from the reference values (not measured in the evaluation)."));
            return $"{verb}: {agreed}{share}, {difference}.{plan}{estimate}";
        }
    }

    private async Task<List<AgreementView>> ViewsAsync(List<ResultAgreement> agreements, Func<ResultAgreement, AgreementBasis> basisOf, CancellationToken cancellationToken)
    {
        var organisationIds = agreements.SelectMany(a => new[] { a.FunderId, a.ProviderId }).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
        var projectIds = agreements.Select(a => a.ProjectId).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken).ConfigureAwait(false);
        return [.. agreements
            .OrderBy(a => names.GetValueOrDefault(a.FunderId, ""), StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(a => a.ProposedAt).ThenBy(a => a.Id)
            .Select(a => View(a, basisOf(a), names.GetValueOrDefault(a.FunderId, ""), names.GetValueOrDefault(a.ProviderId, ""), projects.GetValueOrDefault(a.ProjectId, "")))];
    }

    private AgreementView View(ResultAgreement agreement, AgreementBasis basis, string funderName, string providerName, string projectName)
    {
        var outcome = agreement.Kind == AgreementKind.Outcome ? model.FindReferenceProject(basis.Plan?.Input.ReferenceProject.Id ?? basis.Evaluation?.Input.ReferenceProject.Id ?? "")
            ?.Outcomes.FirstOrDefault(o => o.Id == agreement.OutcomeId) : null;
        var label = agreement.Kind switch
        {
            AgreementKind.Participants => ParticipantsLabel,
            AgreementKind.Outcome when outcome is not null => outcome.Label,
            _ => new Text(agreement.Label, agreement.Label),
        };
        var planned = AgreementBasis.Expected(basis.Plan, agreement.Kind, agreement.OutcomeId);
        var realised = agreement.Kind == AgreementKind.Count
            ? (agreement.RealisedCount is { } count ? (decimal)count : null)
            : AgreementBasis.Expected(basis.Evaluation, agreement.Kind, agreement.OutcomeId);
        var measured = agreement.Kind == AgreementKind.Outcome
            && basis.Evaluation?.ByOutcome.FirstOrDefault(o => o.Outcome.Id == agreement.OutcomeId)?.Measured == true;
        var target = (decimal)agreement.Target;
        return new AgreementView(agreement, funderName, providerName, projectName, label, outcome?.Unit, planned, realised, measured,
            Explain(agreement.Kind, outcome?.Unit, target, planned, realised, measured));
    }

    private ImpactMap? Map(ProjectVersion? version) =>
        version is not null && ProjectStore.ReadRequest(version.Input) is { } request && ProjectRequestValidator.Validate(model, request) is { IsValid: true } valid
            ? ImpactCalculator.Compute(model, valid.Value!, SimulationSettings.None, withTrail: false)
            : null;

    /// <summary>An agreement of the provider's own, existing project; null for anything else.</summary>
    private Task<ResultAgreement?> ProvidersAsync(Member by, Guid projectId, Guid agreementId, CancellationToken cancellationToken) =>
        db.ResultAgreements.SingleOrDefaultAsync(a => a.Id == agreementId && a.ProjectId == projectId && a.ProviderId == by.OrganisationId
            && db.Projects.Any(p => p.Id == projectId && p.OrganisationId == by.OrganisationId && p.DeletedAt == null), cancellationToken);

    private static decimal? ReadNumber(string? text, string field, string labelNl, string labelEn, bool minimumAboveZero, List<FieldError> errors)
    {
        var typed = (text ?? "").Trim();
        if (typed.Length == 0)
        {
            errors.Add(new FieldError(field, new Text($"{labelNl}: vul een getal in, bijvoorbeeld 80.", $"{labelEn}: enter a number, for example 80.")));
            return null;
        }
        var reading = NumberText.ReadAmount(typed);
        if (reading.Problem == NumberProblem.CommaBeforeThreeDigits)
        {
            var meant = reading.Meant!.Value.ToString("0.##", CultureInfo.InvariantCulture);
            errors.Add(new FieldError(field, new Text($"{labelNl}: '{typed}' is niet eenduidig, want een komma staat hier voor decimalen. Bedoelt u {meant}? Schrijf dan {meant}.",
                $"{labelEn}: '{typed}' is ambiguous, because a comma marks decimals here, as in Dutch. For {meant} write {meant}.")));
            return null;
        }
        if (reading.Value is not { } value)
        {
            errors.Add(new FieldError(field, new Text($"{labelNl}: '{typed}' is geen getal. Gebruik cijfers, bijvoorbeeld 80 of 12,5.",
                $"{labelEn}: '{typed}' is not a number. Use digits, for example 80 or 12.5.")));
            return null;
        }
        if (value < 0m || (minimumAboveZero && value == 0m) || value > MaxTarget)
        {
            var least = minimumAboveZero ? "groter dan 0" : "0 of meer";
            var leastEn = minimumAboveZero ? "above 0" : "0 or more";
            errors.Add(new FieldError(field, new Text($"{labelNl}: vul een getal in {least} en hoogstens 100.000.000; u gaf '{typed}'.",
                $"{labelEn}: enter a number {leastEn} and at most 100,000,000; you gave '{typed}'.")));
            return null;
        }
        return Math.Round(value, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>A due date as the wizard reads dates: day-month-year (or year-month-day), between 2000 and 2100.</summary>
    private static DateOnly? ReadDue(string? text, List<FieldError> errors)
    {
        var typed = (text ?? "").Trim();
        if (typed.Length == 0)
        {
            errors.Add(new FieldError(DueField, new Text("Datum: vul in wanneer het resultaat er moet zijn, als dag-maand-jaar, bijvoorbeeld 31-12-2027.",
                "Date: enter when the result is due, as day-month-year, for example 31-12-2027.")));
            return null;
        }
        if (DateOnly.TryParseExact(typed, ["d-M-yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 2000 and <= 2100)
        {
            return date;
        }
        errors.Add(new FieldError(DueField, new Text($"Datum: '{typed}' is geen geldige datum; schrijf dag-maand-jaar, bijvoorbeeld 31-12-2027 (of 2027-12-31), tussen 2000 en 2100.",
            $"Date: '{typed}' is not a valid date; write day-month-year, for example 31-12-2027 (or 2027-12-31), between 2000 and 2100.")));
        return null;
    }

    /// <summary>One entry in each organisation's log; the acting member is named with their organisation in the other's log.</summary>
    private async Task BothAsync(Member by, ResultAgreement agreement, string code, string detail, CancellationToken cancellationToken)
    {
        var ids = new[] { agreement.ProviderId, agreement.FunderId };
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == agreement.ProjectId).Select(p => p.Name)
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        var what = AgreementLabelNl(agreement);
        string Subject(Guid logOf) => logOf == agreement.ProviderId
            ? $"{project} → {names[agreement.FunderId]}: {what}"
            : $"{names[agreement.ProviderId]}: {project}: {what}";
        var own = by.OrganisationId;
        var other = own == agreement.ProviderId ? agreement.FunderId : agreement.ProviderId;
        audit.Add(by, own, code, Subject(own), detail);
        audit.AddForOther(by, names[own], other, code, Subject(other), detail);
    }

    // An outcome's Dutch label is stored with it when proposed.
    private static string AgreementLabelNl(ResultAgreement agreement) => agreement.Kind == AgreementKind.Participants ? ParticipantsLabel.Nl : agreement.Label;
}
