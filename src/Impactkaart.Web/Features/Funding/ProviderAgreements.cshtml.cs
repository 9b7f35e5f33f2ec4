using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Accounts;
using Impactkaart.Web.Features.Projects;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Funding;

/// <summary>
/// The provider's result agreements for one of its projects, per funder: accept or decline a proposal, and for an
/// accepted agreement report a count (a count of the funder's own) and a story (any kind). Participants and outcomes
/// are realised from the project's evaluation once it is saved. Another organisation's project is "not found".
/// </summary>
public sealed class ProviderAgreementsModel(Agreements agreements, ProjectStore projects, CurrentMember current, RequestLanguage language) : AccountPage(language)
{
    public Project Project { get; private set; } = null!;

    public IReadOnlyList<AgreementView> List { get; private set; } = [];

    public AgreementBasis Basis { get; private set; } = new(null, null);

    /// <summary>The agreement whose report came back with messages: its form keeps what was typed.</summary>
    public Guid? Reporting { get; private set; }

    /// <summary>The field's id on this page: one report form per agreement.</summary>
    public static string Key(string field, Guid agreement) => field + "-" + agreement.ToString("N");

    /// <summary>A report field's value: as just typed for the agreement that came back, else as reported before.</summary>
    public string? ReportValue(AgreementView view, string field)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (Reporting == view.Agreement.Id)
        {
            return Posted(field);
        }
        return field == Agreements.CountField
            ? view.Agreement.RealisedCount is { } count ? ((decimal)count).ToString("0.##", Lang.Formats.Culture) : null
            : view.Agreement.RealisedNote;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var member = await current.RequireAsync(cancellationToken);
        return await LoadAsync(member, id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, Guid afspraak, CancellationToken cancellationToken)
    {
        var member = await current.RequireAsync(cancellationToken);
        return Done(await agreements.AcceptAsync(member, id, afspraak, cancellationToken), id);
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, Guid afspraak, CancellationToken cancellationToken)
    {
        var member = await current.RequireAsync(cancellationToken);
        return Done(await agreements.DeclineAsync(member, id, afspraak, cancellationToken), id);
    }

    public async Task<IActionResult> OnPostReportAsync(Guid id, Guid afspraak, CancellationToken cancellationToken)
    {
        var member = await current.RequireAsync(cancellationToken);
        var result = await agreements.ReportAsync(member, id, afspraak, Posted(Agreements.CountField), Posted(Agreements.StoryField), cancellationToken);
        if (result.Outcome != FundingOutcome.Invalid)
        {
            return Done(result, id);
        }
        foreach (var error in result.FieldErrors)
        {
            Errors[Key(error.Field, afspraak)] = Lang[error.Message];
        }
        Reporting = afspraak;
        await LoadAsync(member, id, cancellationToken);
        return Invalid();
    }

    private IActionResult Done(AgreementResult result, Guid id) =>
        result.Outcome == FundingOutcome.Done ? Redirect($"/projecten/{id}/afspraken") : NotFound();

    private async Task<bool> LoadAsync(Member member, Guid id, CancellationToken cancellationToken)
    {
        if (await projects.FindAsync(member.OrganisationId, id, cancellationToken) is not { } project)
        {
            return false;
        }
        Project = project;
        Basis = await agreements.BasisAsync(id, cancellationToken);
        List = await agreements.ForProjectAsync(member.OrganisationId, id, Basis, cancellationToken);
        return true;
    }
}
