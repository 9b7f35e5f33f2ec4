using System.Globalization;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Accounts;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Funding;

/// <summary>
/// The funder's result agreements for one connected project: target, plan and realised side by side with the
/// difference in words, and a form to propose one more. Only a connection the funder may see
/// (<see cref="FunderAccess.Visible"/>); any other id is "not found".
/// </summary>
public sealed class FunderAgreementsModel(Agreements agreements, FundingStore store, ImpactkaartDb db, CurrentMember current, RequestLanguage language) : AccountPage(language)
{
    public FundedProject Funding { get; private set; } = null!;

    public string ProjectName { get; private set; } = "";

    public string ProviderName { get; private set; } = "";

    public AgreementBasis Basis { get; private set; } = new(null, null);

    public IReadOnlyList<AgreementView> List { get; private set; } = [];

    public IReadOnlyList<AgreementChoice> Choices { get; private set; } = [];

    /// <summary>The chosen kind: as posted, else participants.</summary>
    public string ChosenKind => Posted(Agreements.KindField) is { Length: > 0 } kind ? kind : AgreementBasis.ParticipantsChoice;

    /// <summary>The target field: as posted, else the plan's value of the chosen kind.</summary>
    public string TargetValue => Posted(Agreements.TargetField) ?? DefaultTarget(Choices.FirstOrDefault(c => c.Value == ChosenKind));

    /// <summary>The due date field: as posted, else the day the plan ends.</summary>
    public string DueValue => Posted(Agreements.DueField) ?? Basis.PlanEnd?.ToString(DutchTime.DateFormat, CultureInfo.InvariantCulture) ?? "";

    /// <summary>A default target as typed in the reader's language, without thousands separators so it reads back unchanged.</summary>
    public string DefaultTarget(AgreementChoice? choice) =>
        AgreementBasis.DefaultTarget(choice?.Planned) is { } value ? value.ToString("0.#", Lang.Formats.Culture) : "";

    public async Task<IActionResult> OnGetAsync(Guid fundingId, CancellationToken cancellationToken)
    {
        var member = await current.RequireAsync(cancellationToken);
        if (!await LoadAsync(member, fundingId, cancellationToken))
        {
            return NotFound();
        }
        // The realised values come from the provider's current map: looking at them is a view, in both logs.
        await store.RecordViewAsync(member, [(Funding.ProviderId, $"{ProjectName}: resultaatafspraken")], cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid fundingId, CancellationToken cancellationToken)
    {
        var member = await current.RequireAsync(cancellationToken);
        var proposal = new AgreementProposal(Posted(Agreements.KindField), Posted(Agreements.LabelField), Posted(Agreements.TargetField),
            Posted(Agreements.DueField), Posted(Agreements.NoteField));
        var result = await agreements.ProposeAsync(member, fundingId, proposal, cancellationToken);
        if (result.Outcome == FundingOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.Outcome == FundingOutcome.Invalid)
        {
            foreach (var error in result.FieldErrors)
            {
                Errors[error.Field] = Lang[error.Message];
            }
            await LoadAsync(member, fundingId, cancellationToken);
            return Invalid();
        }
        return Redirect($"/financier/projecten/{fundingId}/afspraken");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid fundingId, Guid afspraak, CancellationToken cancellationToken)
    {
        var member = await current.RequireAsync(cancellationToken);
        var result = await agreements.WithdrawAsync(member, fundingId, afspraak, cancellationToken);
        return result.Outcome == FundingOutcome.Done ? Redirect($"/financier/projecten/{fundingId}/afspraken") : NotFound();
    }

    private async Task<bool> LoadAsync(Member member, Guid fundingId, CancellationToken cancellationToken)
    {
        if (await agreements.FundingAsync(member.OrganisationId, fundingId, cancellationToken) is not { } connection)
        {
            return false;
        }
        Funding = connection;
        ProjectName = await db.Projects.AsNoTracking().Where(p => p.Id == connection.ProjectId).Select(p => p.Name).SingleAsync(cancellationToken);
        ProviderName = await db.Organisations.AsNoTracking().Where(o => o.Id == connection.ProviderId).Select(o => o.Name).SingleAsync(cancellationToken);
        Basis = await agreements.BasisAsync(connection.ProjectId, cancellationToken);
        Choices = Basis.Choices();
        List = await agreements.ForFundingAsync(connection, Basis, cancellationToken);
        return true;
    }
}
