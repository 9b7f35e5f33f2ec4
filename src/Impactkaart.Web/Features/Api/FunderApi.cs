using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Contract;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Funding;
using Impactkaart.Web.Features.Projects;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Api;

/// <summary>
/// A funder's portfolio by the API key of the funder's organisation: the totals, uncertainty and rows of its
/// portfolio, one connected project's current map, and that project's result agreements. Everything starts from
/// <see cref="FunderAccess.Visible"/>, as the funder's pages do: another funder's connection is 404, and a key of an
/// organisation that funds nothing gets 403. Each read is recorded in the logs of the funder and the providers.
/// </summary>
public static class FunderApi
{
    private const string Tag = "Funder";
    private const string Json = "application/json";

    public static RouteGroupBuilder MapFunderApi(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var funder = group.MapGroup("/funder").WithNoStore().RequireApiKey().WithTags(Tag);

        funder.MapGet("/portfolio", PortfolioAsync).WithName("GetFunderPortfolio")
            .WithSummary("The funder's portfolio: totals (per payer, the municipality first, and per sector), the uncertainty of the total and every connected project.")
            .WithDescription("Alle projecten die aanbieders met uw organisatie verbonden en die u aanvaardde, met hun huidige kaart (evaluatie, anders plan). "
                + "De bandbreedte komt uit één simulatie over alle projecten samen, nooit de som van hun P10's. / Every project providers connected to your "
                + "organisation and you accepted, with its current map (evaluation, else plan). The range comes from one simulation over all projects together, "
                + "never the sum of their P10s.")
            .WithQueryText("provider", "Alleen de projecten van deze aanbieder (id). / Only this provider's projects (id).", "3f2a8c1e-5b7d-4e9a-9c1f-2d6b8a4e7f10")
            .WithQueryText("theme", "Alleen dit thema (id uit /api/v1/model). / Only this theme (id from /api/v1/model).", "schuldproblematiek")
            .WithQueryText("scheme", "Alleen deze subsidieregeling (hoofdletters tellen niet). / Only this subsidy scheme (case-insensitive).", "Welzijn 2026")
            .WithQueryText("neighbourhood", "Alleen projecten in deze wijk. / Only projects in this neighbourhood.", "Noord")
            .WithQueryText("year", "Alleen projecten met dit startjaar. / Only projects starting in this year.", "2026")
            .WithQueryText("phase", "plan of evaluatie / plan or evaluation.", "plan")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        funder.MapGet("/projects/{fundingId:guid}", ProjectAsync).WithName("GetFunderProject")
            .WithSummary("One connected project: the connection (provider, scheme, neighbourhoods) and the project's current map in the engine's JSON contract.")
            .WithDescription("fundingId is het id van de verbinding uit /api/v1/funder/portfolio. / fundingId is the connection's id from /api/v1/funder/portfolio.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        funder.MapGet("/projects/{fundingId:guid}/agreements", AgreementsAsync).WithName("GetFunderProjectAgreements")
            .WithSummary("The result agreements of one connected project: what was agreed (target, date), whether the provider accepted it, and what was realised.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<ApiFunderPortfolio>, ValidationProblem, ProblemHttpResult>> PortfolioAsync(
        HttpContext context, ImpactkaartDb db, FunderPortfolio portfolio, FundingStore store, Engine.Model.ImpactModel model,
        string? provider, string? theme, string? scheme, string? neighbourhood, string? year, string? phase, CancellationToken cancellationToken)
    {
        var language = ApiLanguage.Of(context.Request);
        if (await FunderAsync(context, db, cancellationToken) is not { } caller)
        {
            return NotAFunder(language);
        }
        // The parameters are named in the signature for the document; the one reader of the filter reads them.
        _ = (provider, theme, scheme, neighbourhood, year, phase);
        var (filter, errors) = FunderFilterNames.Api.Read(context.Request.Query, model);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, language);
        }
        var rows = await portfolio.RowsAsync(caller.OrganisationId, filter, cancellationToken);
        var uncertainty = await portfolio.UncertaintyAsync(rows, cancellationToken);
        await store.RecordViewAsync(caller.AsMember(), rows.Select(r => (r.ProviderId, "portefeuille (API)")), cancellationToken);
        return TypedResults.Ok(ApiFunderPortfolio.Of(FunderTotals.Of(rows), uncertainty, rows, model, language));
    }

    private static async Task<Results<Ok<ApiFunderProject>, ValidationProblem, ProblemHttpResult>> ProjectAsync(
        Guid fundingId, HttpContext context, ImpactkaartDb db, FunderPortfolio portfolio, FundingStore store, MapService maps, CancellationToken cancellationToken)
    {
        var language = ApiLanguage.Of(context.Request);
        if (await FunderAsync(context, db, cancellationToken) is not { } caller)
        {
            return NotAFunder(language);
        }
        if (await RowAsync(portfolio, caller, fundingId, cancellationToken) is not { } row
            || (await portfolio.CurrentVersionsAsync([row.ProjectId], cancellationToken)).GetValueOrDefault(row.ProjectId) is not { } version)
        {
            return NotFound(language, fundingId);
        }
        var request = ProjectStore.ReadRequest(version.Input);
        var (map, errors) = request is null ? (null, []) : maps.Compute(request);
        if (map is null)
        {
            // A version saved under an older model that no longer validates: say which fields, as the project's own map does.
            return ApiProblems.Invalid(errors, language);
        }
        await store.RecordViewAsync(caller.AsMember(), [(row.ProviderId, $"kaart {row.Name} (API)")], cancellationToken);
        return TypedResults.Ok(new ApiFunderProject(ApiFundedProject.Of(row), MapContract.ToDto(maps.Model, map, language)));
    }

    private static async Task<Results<Ok<List<ApiFunderAgreement>>, ProblemHttpResult>> AgreementsAsync(
        Guid fundingId, HttpContext context, ImpactkaartDb db, FunderPortfolio portfolio, Agreements agreementStore, CancellationToken cancellationToken)
    {
        var language = ApiLanguage.Of(context.Request);
        if (await FunderAsync(context, db, cancellationToken) is not { } caller)
        {
            return NotAFunder(language);
        }
        if (await RowAsync(portfolio, caller, fundingId, cancellationToken) is null)
        {
            return NotFound(language, fundingId);
        }
        var agreements = await FunderAgreements.ReadAsync(agreementStore, caller.OrganisationId, [fundingId], cancellationToken);
        return TypedResults.Ok(agreements.Select(a => ApiFunderAgreement.Of(a, language)).ToList());
    }

    /// <summary>The key's caller when its organisation is a funder, else null.</summary>
    private static async Task<ApiCaller?> FunderAsync(HttpContext context, ImpactkaartDb db, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);
        var isFunder = await db.Organisations.AsNoTracking().AnyAsync(o => o.Id == caller.OrganisationId && o.IsFunder, cancellationToken);
        return isFunder ? caller : null;
    }

    private static async Task<FundedRow?> RowAsync(FunderPortfolio portfolio, ApiCaller caller, Guid fundingId, CancellationToken cancellationToken) =>
        (await portfolio.RowsAsync(caller.OrganisationId, FunderFilter.All, cancellationToken)).SingleOrDefault(r => r.FundingId == fundingId);

    private static ProblemHttpResult NotAFunder(Language language) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: language == Language.En ? "Your organisation is not a funder" : "Uw organisatie is geen financier",
        detail: language == Language.En
            ? "These endpoints are for the key of a funder's organisation (a municipality, fund or insurer that providers connect projects to). Your organisation's own projects are at /api/v1/projects."
            : "Deze adressen zijn voor de sleutel van een financier (een gemeente, fonds of verzekeraar waar aanbieders projecten mee verbinden). De eigen projecten van uw organisatie staan op /api/v1/projects.");

    private static ProblemHttpResult NotFound(Language language, Guid fundingId) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: language == Language.En ? "Connection not found" : "Verbinding niet gevonden",
        detail: language == Language.En
            ? $"Your organisation sees no connected project with id {fundingId} (the provider may have ended the connection)."
            : $"Uw organisatie ziet geen verbonden project met id {fundingId} (misschien heeft de aanbieder de verbinding beëindigd).");
}

/// <summary>One connected project as the funder's API lists it. Money in euros (present values at the start).</summary>
public sealed record ApiFundedProject(
    Guid FundingId, Guid ProjectId, Guid ProviderId, string Provider, string Name, string ReferenceProject, string Theme, int StartYear,
    string Phase, string Scheme, IReadOnlyList<string> Neighbourhoods, int Participants, decimal Invested, decimal Benefits,
    decimal WelfareBenefits, double? Ratio, double? WelfareRatio, double HoursSaved, double FteSaved, int Revision, DateTime UpdatedAt)
{
    public static ApiFundedProject Of(FundedRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ApiFundedProject(r.FundingId, r.ProjectId, r.ProviderId, r.ProviderName, r.Name, r.ReferenceProject, r.Theme, r.StartYear,
            PhaseWord.Of(r.Phase), r.Scheme, r.Neighbourhoods, r.Breakdown.Participants, r.InvestedCents / 100m, r.BenefitsCents / 100m,
            r.WelfareBenefitsCents / 100m, r.Ratio, r.WelfareRatio, r.HoursSaved, r.FteSaved, r.Revision, r.UpdatedAt);
    }
}

/// <summary>What one payer gains over the selection, in euros, and how much of it is transfers such as benefit payments.</summary>
public sealed record ApiPayerTotal(string Payer, string Label, decimal Benefits, decimal Transfers);

public sealed record ApiSectorTotal(string Sector, string Label, double Hours, double Fte);

public sealed record ApiFunderTotals(
    int Projects, int Providers, long Participants, decimal Invested, decimal Benefits, decimal WelfareBenefits, decimal NetPresentValue,
    decimal WelfareNetPresentValue, double? Ratio, double? WelfareRatio, double HoursSaved, double FteSaved,
    IReadOnlyList<ApiPayerTotal> ByPayer, IReadOnlyList<ApiSectorTotal> BySector);

/// <summary>The total net present value at P10, P50 and P90, and the chance it is above zero (0 to 1).</summary>
public sealed record ApiSpread(decimal P10, decimal P50, decimal P90, decimal ProbabilityPositive)
{
    public static ApiSpread Of(PortfolioSpread s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.NetPresentValueP10.Euros, s.NetPresentValueP50.Euros, s.NetPresentValueP90.Euros, s.ProbabilityPositive.Value);
    }
}

/// <summary>One simulation over all projects of the selection: projects simulated, draws, seed, and the spread of each view.</summary>
public sealed record ApiFunderUncertainty(int Projects, int Draws, ulong Seed, ApiSpread Headline, ApiSpread Welfare);

public sealed record ApiFunderPortfolio(ApiFunderTotals Totals, ApiFunderUncertainty? Uncertainty, IReadOnlyList<ApiFundedProject> Projects)
{
    public static ApiFunderPortfolio Of(FunderTotals t, PortfolioUncertainty? u, IReadOnlyList<FundedRow> rows, Engine.Model.ImpactModel model, Language language)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(model);
        var totals = new ApiFunderTotals(t.Projects, t.Providers, t.Participants, t.InvestedCents / 100m, t.BenefitsCents / 100m,
            t.WelfareBenefitsCents / 100m, t.NetPresentValueCents / 100m, t.WelfareNetPresentValueCents / 100m, t.Ratio, t.WelfareRatio,
            t.HoursSaved, t.FteSaved,
            [.. t.ByPayer.Select(p => new ApiPayerTotal(p.PayerId, model.Payers.FirstOrDefault(m => m.Id == p.PayerId)?.Label[language] ?? p.PayerId, p.Cents / 100m, p.TransferCents / 100m))],
            [.. t.BySector.Select(s => new ApiSectorTotal(s.SectorId, model.Sectors.FirstOrDefault(m => m.Id == s.SectorId)?.Label[language] ?? s.SectorId, s.Hours, s.Fte))]);
        var uncertainty = u is null ? null : new ApiFunderUncertainty(u.Projects, u.Draws, u.Seed, ApiSpread.Of(u.Headline), ApiSpread.Of(u.Welfare));
        return new ApiFunderPortfolio(totals, uncertainty, [.. rows.Select(ApiFundedProject.Of)]);
    }
}

/// <summary>A connected project: the connection and the project's current map (as GET /api/v1/projects/{id}/map.json gives its provider).</summary>
public sealed record ApiFunderProject(ApiFundedProject Connection, MapDto Map);

/// <summary>
/// One result agreement: kind (participants, outcome or count), the outcome's id for an outcome, what is counted in
/// words, the target and due date, whether the provider accepted it, what the plan expected, and what was realised:
/// from the evaluation for participants and outcomes (null before there is one), the reported count for a count;
/// with the difference explained in words and the provider's story.
/// </summary>
public sealed record ApiFunderAgreement(
    Guid Id, string Kind, string? OutcomeId, string Label, double Target, DateOnly Due, string Note, bool Accepted, DateTime? AcceptedAt,
    double? Planned, double? RealisedCount, string RealisedNote, DateTime? RealisedAt, double? Realised, string Difference)
{
    public static ApiFunderAgreement Of(FunderAgreement a, Language language)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new ApiFunderAgreement(a.Id, a.Kind.ToString().ToLowerInvariant(), a.OutcomeId.Length > 0 ? a.OutcomeId : null, a.Description[language],
            a.Target, a.Due, a.Note, a.Accepted, a.AcceptedAt, a.Planned, a.RealisedCount, a.RealisedNote, a.RealisedAt, a.Realised, a.Difference[language]);
    }
}
