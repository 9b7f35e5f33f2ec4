using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Impactkaart.Documents;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Contract;
using Impactkaart.Reports;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Projects;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Api;

/// <summary>
/// An organisation's projects by API key (ApiKeyFilter): list, read, create, save a new version (optimistic
/// concurrency on the project's revision) and download the current map. Every read and write goes through
/// ProjectStore within the key's organisation, so another organisation's id is 404, as on the pages.
/// </summary>
public static class ProjectsApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    private const string Tag = "Projects";
    private const string Json = "application/json";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        // A group without a prefix of its own: it carries the key filter to these endpoints only (the compute endpoints stay anonymous).
        var projects = group.MapGroup("").WithNoStore().RequireApiKey().WithTags(Tag);

        projects.MapGet("/projects", ListAsync).WithName("ListProjects")
            .WithSummary("The organisation's projects with their current figures, a page at a time (page, pageSize ≤ 200).")
            .WithQueryRange("page", "Welke pagina, vanaf 1. / Which page, from 1.", byDefault: 1, minimum: 1)
            .WithQueryRange("pageSize", "Projecten per pagina. / Projects per page.", DefaultPageSize, minimum: 1, maximum: MaxPageSize)
            .ProducesValidationProblem();
        projects.MapGet("/projects/{id:guid}", GetAsync).WithName("GetProject")
            .WithSummary("One project: its current input (the project JSON), its figures and its versions.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        projects.MapPost("/projects", CreateAsync).WithName("CreateProject")
            .WithSummary("Creates a project from a project JSON (its 'name' names it); needs a read-write key.")
            .WithProjectFileBody().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        projects.MapPut("/projects/{id:guid}", SaveAsync).WithName("SaveProjectVersion")
            .WithSummary("Saves a new version on top of the revision in If-Match: \"<revision>\" (or the body's 'revision'); needs a read-write key.")
            .WithProjectFileBody(withRevision: true).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        projects.MapGet("/projects/{id:guid}/map.pdf", (Guid id, HttpContext context, ProjectStore store, MapService maps, CancellationToken cancellationToken) =>
                MapFileAsync(id, context, store, maps, "pdf", "application/pdf", map => MapPdf.Render(maps.Model, map, ApiLanguage.Of(context.Request)), cancellationToken))
            .WithName("GetProjectMapPdf").WithSummary("The project's current map as a one-page PDF.")
            .WithFileResponse("De kaart als PDF. / The map as PDF.", ["application/pdf"]).ProducesMapProblems();
        projects.MapGet("/projects/{id:guid}/map.xlsx", (Guid id, HttpContext context, ProjectStore store, MapService maps, CancellationToken cancellationToken) =>
                MapFileAsync(id, context, store, maps, "xlsx", XlsxType, map => MapWorkbook.Render(maps.Model, map, ApiLanguage.Of(context.Request)), cancellationToken))
            .WithName("GetProjectMapWorkbook").WithSummary("The project's current map as an Excel workbook with the calculation trail.")
            .WithFileResponse("De kaart als Excel-werkmap. / The map as an Excel workbook.", [XlsxType]).ProducesMapProblems();
        projects.MapGet("/projects/{id:guid}/map.json", (Guid id, HttpContext context, ProjectStore store, MapService maps, CancellationToken cancellationToken) =>
                MapFileAsync(id, context, store, maps, "json", Json, map => Encoding.UTF8.GetBytes(MapContract.Serialize(maps.Model, map, ApiLanguage.Of(context.Request))), cancellationToken))
            .WithName("GetProjectMapJson").WithSummary("The project's current map in the engine's JSON contract (as POST /api/v1/compute answers).")
            .Produces<MapDto>(StatusCodes.Status200OK, Json).ProducesMapProblems();
        return group;
    }

    /// <summary>A map file: 404 for a project the organisation does not have, 400 for a version that no longer validates.</summary>
    private static RouteHandlerBuilder ProducesMapProblems(this RouteHandlerBuilder builder) =>
        builder.ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<ApiProjectPage>, ValidationProblem>> ListAsync(
        HttpContext context, ImpactkaartDb db, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (page is < 1)
        {
            errors.Add(new FieldError("page", new Engine.Text("De pagina begint bij 1.", "Pages start at 1.")));
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add(new FieldError("pageSize", new Engine.Text($"Kies een paginagrootte van 1 tot en met {MaxPageSize}.", $"Choose a page size from 1 to {MaxPageSize}.")));
        }
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, ApiLanguage.Of(context.Request));
        }
        var caller = ApiCaller.Of(context);
        var (number, size) = (page ?? 1, pageSize ?? DefaultPageSize);
        var query = db.Projects.AsNoTracking().Where(p => p.OrganisationId == caller.OrganisationId && p.DeletedAt == null);
        var total = await query.CountAsync(cancellationToken);
        // In long: page 2147483647 times 200 does not fit an int. A page past the last one is empty, as any page after it.
        var skip = (long)(number - 1) * size;
        var rows = skip >= total
            ? []
            : await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip((int)skip).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ApiProjectPage(number, size, total, rows.Select(ApiProjectSummary.Of).ToList()));
    }

    private static async Task<Results<Ok<ApiProjectDetails>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext context, ProjectStore store, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);
        if (await store.FindAsync(caller.OrganisationId, id, cancellationToken) is not { } project)
        {
            return ApiKeyProblems.NotFound(ApiLanguage.Of(context.Request), id);
        }
        var versions = await store.VersionsAsync(caller.OrganisationId, id, cancellationToken);
        var current = ProjectStore.CurrentOf(versions);
        return TypedResults.Ok(new ApiProjectDetails(
            ApiProjectSummary.Of(project), current?.Number, current is null ? null : JsonNode.Parse(current.Input),
            versions.Select(ApiProjectVersion.Of).ToList()));
    }

    private static async Task<Results<Created<ApiProjectSummary>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpContext context, ProjectStore store, CancellationToken cancellationToken)
    {
        if (!context.Request.HasJsonContentType())
        {
            return ApiProblems.WrongContentType(ApiLanguage.Of(context.Request), context.Request.ContentType);
        }
        if (await ApiBody.ReadTextAsync(context.Request, ApiBody.MaxProjectBytes, cancellationToken) is not { } text)
        {
            return ApiProblems.TooLarge(ApiLanguage.Of(context.Request), ApiBody.MaxProjectBytes);
        }
        var body = ParseBody(text);
        if (body.Errors.Count > 0)
        {
            return ApiProblems.Invalid(body.Errors, ApiLanguage.Of(context.Request));
        }
        var saved = await store.CreateAsync(ApiCaller.Of(context).AsMember(), body.Request!, cancellationToken);
        if (saved.Outcome != SaveOutcome.Saved)
        {
            return ApiProblems.Invalid(saved.FieldErrors, ApiLanguage.Of(context.Request));
        }
        return TypedResults.Created($"{ApiEndpoints.Prefix}/projects/{saved.Project!.Id}", ApiProjectSummary.Of(saved.Project));
    }

    private static async Task<Results<Ok<ApiProjectSummary>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        Guid id, HttpContext context, ProjectStore store, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);
        if (await store.FindAsync(caller.OrganisationId, id, cancellationToken) is null)
        {
            return ApiKeyProblems.NotFound(ApiLanguage.Of(context.Request), id);
        }
        if (!context.Request.HasJsonContentType())
        {
            return ApiProblems.WrongContentType(ApiLanguage.Of(context.Request), context.Request.ContentType);
        }
        if (await ApiBody.ReadTextAsync(context.Request, ApiBody.MaxProjectBytes, cancellationToken) is not { } text)
        {
            return ApiProblems.TooLarge(ApiLanguage.Of(context.Request), ApiBody.MaxProjectBytes);
        }
        var body = ParseBody(text);
        var revision = IfMatch(context.Request, body.Errors) ?? body.Revision;
        if (body.Errors.Count > 0)
        {
            return ApiProblems.Invalid(body.Errors, ApiLanguage.Of(context.Request));
        }
        if (revision is not { } basedOn)
        {
            return ApiKeyProblems.RevisionRequired(ApiLanguage.Of(context.Request));
        }
        var saved = await store.SaveVersionAsync(caller.AsMember(), id, basedOn, body.Request!, cancellationToken: cancellationToken);
        return saved.Outcome switch
        {
            SaveOutcome.Saved => TypedResults.Ok(ApiProjectSummary.Of(saved.Project!)),
            SaveOutcome.Invalid => ApiProblems.Invalid(saved.FieldErrors, ApiLanguage.Of(context.Request)),
            SaveOutcome.Conflict => ApiKeyProblems.Stale(ApiLanguage.Of(context.Request), basedOn, saved.Project!, saved.Newest),
            SaveOutcome.NotFound => ApiKeyProblems.NotFound(ApiLanguage.Of(context.Request), id),
            _ => ApiKeyProblems.StorageFull(ApiLanguage.Of(context.Request)),
        };
    }

    private static async Task<IResult> MapFileAsync(Guid id, HttpContext context, ProjectStore store, MapService maps,
        string extension, string contentType, Func<ImpactMap, byte[]> render, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.Of(context);
        var project = await store.FindAsync(caller.OrganisationId, id, cancellationToken);
        var current = project is null ? null : await store.CurrentAsync(caller.OrganisationId, id, cancellationToken);
        if (project is null || current is null)
        {
            return ApiKeyProblems.NotFound(ApiLanguage.Of(context.Request), id);
        }
        var request = ProjectStore.ReadRequest(current.Input);
        var (map, errors) = request is null ? (null, []) : maps.Compute(request);
        if (map is null)
        {
            // A version saved under an older model that no longer validates: say which fields, as the project page does.
            return ApiProblems.Invalid(errors, ApiLanguage.Of(context.Request));
        }
        return TypedResults.File(render(map), contentType, $"impactkaart-{project.ReferenceProject}-v{current.Number}.{extension}");
    }

    private static int? IfMatch(HttpRequest request, List<FieldError> errors)
    {
        var header = request.Headers.IfMatch.ToString();
        if (header.Length == 0)
        {
            return null;
        }
        var value = header.Trim().TrimStart('W', '/').Trim('"');
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
        {
            return revision;
        }
        errors.Add(new FieldError("If-Match", new Engine.Text("Geef de revisie als getal tussen aanhalingstekens, bijvoorbeeld If-Match: \"3\".",
            "Give the revision as a number in quotes, for example If-Match: \"3\".")));
        return null;
    }

    /// <summary>The body, read once: a project JSON, optionally with 'revision' (for PUT); errors name the fields.</summary>
    private static (ProjectRequest? Request, int? Revision, List<FieldError> Errors) ParseBody(string text)
    {
        int? revision = null;
        var errors = new List<FieldError>();
        var read = ProjectRequestJson.Read(text, (name, given) =>
        {
            if (name != "revision")
            {
                return false;
            }
            // TryGetDecimal, not GetDecimal: 1e30 or 1e400 is valid JSON but no decimal, and must be a field message, not a 500.
            if (given.ValueKind == JsonValueKind.Number && given.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number is >= 1 and <= int.MaxValue)
            {
                revision = (int)number;
            }
            else if (given.ValueKind != JsonValueKind.Null)
            {
                errors.Add(new FieldError("revision", new Engine.Text("De revisie is een heel getal vanaf 1.", "The revision is a whole number from 1.")));
            }
            return true;
        });
        errors.AddRange(read.Errors);
        if (read.Value is { } value)
        {
            // The stamp belongs to the stored file; the running model decides what is valid now.
            value.ModelVersion = null;
        }
        return (errors.Count > 0 ? null : read.Value, revision, errors);
    }
}

public sealed record ApiFigures(decimal Invested, decimal Benefits, double? Ratio, double HoursSaved, double FteSaved)
{
    public static ApiFigures Of(Figures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return new ApiFigures(figures.Invested, figures.Benefits, figures.Ratio, figures.HoursSaved, figures.FteSaved);
    }
}

public sealed record ApiProjectSummary(Guid Id, string Name, string ReferenceProject, string Theme, int StartYear, string Phase,
    int Revision, int LatestVersion, ApiFigures Figures, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static ApiProjectSummary Of(Project p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new ApiProjectSummary(p.Id, p.Name, p.ReferenceProject, p.Theme, p.StartYear, PhaseWord.Of(p.Phase), p.Revision, p.LatestVersion,
            ApiFigures.Of(new Figures(p.InvestedCents, p.BenefitsCents, p.Ratio, p.HoursSaved, p.FteSaved)), p.CreatedAt, p.UpdatedAt);
    }
}

public sealed record ApiProjectPage(int Page, int PageSize, int Total, IReadOnlyList<ApiProjectSummary> Items);

public sealed record ApiProjectVersion(int Number, string Phase, string ModelVersion, string SavedBy, DateTime SavedAt, string Changes, ApiFigures Figures)
{
    public static ApiProjectVersion Of(ProjectVersion v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new ApiProjectVersion(v.Number, PhaseWord.Of(v.Phase), v.ModelVersion, v.SavedByName, v.SavedAt, v.Changes, ApiFigures.Of(Projects.Figures.Of(v)));
    }
}

/// <summary>One project: its row, the version it shows (its input as the project JSON) and all its versions, newest first.</summary>
public sealed record ApiProjectDetails(ApiProjectSummary Project, int? CurrentVersion, JsonNode? Input, IReadOnlyList<ApiProjectVersion> Versions);
