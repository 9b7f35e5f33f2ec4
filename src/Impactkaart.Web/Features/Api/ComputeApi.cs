using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Contract;
using Impactkaart.Engine.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Impactkaart.Web.Features.Api;

/// <summary>
/// The anonymous part of the API: compute a map from a project file (the wizard's input as JSON), read the model to
/// build one's own forms, and a trivial "is the API up" answer.
/// </summary>
public static class ComputeApi
{
    /// <summary>The contract's JSON without indentation: a program reads it, and a third fewer bytes is more maps a second.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions CompactJson = new(MapContract.JsonOptions) { WriteIndented = false };

    public const string Tag = "Rekenen / Compute";

    private const string JsonContentType = "application/json; charset=utf-8";

    public static RouteGroupBuilder MapComputeApi(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/compute", ComputeAsync)
            .AllowOtherSites()
            .WithName("Compute")
            .WithTags(Tag)
            .WithSummary("Bereken een impactkaart / Compute an impact map")
            .WithDescription("Body: het projectbestand (JSON, dezelfde velden als de wizard en de CLI). Antwoord: de kaart in het JSON-contract van de engine. "
                + "Query 'draws' (0..100000, 0 = zonder Monte Carlo) en 'seed' gaan voor die in de body. Taal van de teksten: Accept-Language (nl standaard, en). / "
                + "Body: the project file (JSON, the same fields as the wizard and the CLI). Answer: the map in the engine's JSON contract. "
                + "Query 'draws' (0..100000, 0 = no Monte Carlo) and 'seed' override those in the body. Language of texts: Accept-Language (nl default, en).")
            .WithProjectFileBody()
            .WithQueryRange("draws", "Trekkingen voor de Monte Carlo-bandbreedte; 0 = zonder; gaat voor 'draws' in de body. / Draws for the Monte Carlo range; 0 = none; overrides 'draws' in the body.",
                byDefault: ((IEndpointRouteBuilder)group).ServiceProvider.GetRequiredService<ImpactModel>().DefaultDraws, minimum: 0, maximum: ProjectRequestValidator.MaxDraws)
            .Produces<MapDto>(StatusCodes.Status200OK, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/model", Model)
            .AllowOtherSites()
            .WithName("Model")
            .WithTags(Tag)
            .WithSummary("Het rekenmodel / The model")
            .WithDescription("Versie, prijsjaar, thema's, referentieprojecten met hun vragen, antwoorden en uitkomsten, prijzen, beroepen en bronnen; "
                + "elke tekst in het Nederlands en Engels. Met ETag en Cache-Control: vraag opnieuw met If-None-Match. / "
                + "Version, price year, themes, reference projects with their questions, options and outcomes, prices, professions and sources; "
                + "every text in Dutch and English. With ETag and Cache-Control: ask again with If-None-Match.")
            .Produces<ApiModelDocument>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/ping", () => TypedResults.Ok(new ApiPing("ok")))
            .AllowOtherSites()
            .WithName("Ping")
            .WithTags(Tag)
            .WithSummary("Is de API bereikbaar? / Is the API up?")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ComputeAsync(
        HttpRequest request, ImpactModel model, ComputeCache cache, string? draws, string? seed, CancellationToken cancellation)
    {
        var language = ApiLanguage.Of(request);
        if (!request.HasJsonContentType())
        {
            return ApiProblems.WrongContentType(language, request.ContentType);
        }
        var body = await ApiBody.ReadTextAsync(request, ApiBody.MaxProjectBytes, cancellation);
        if (body is null)
        {
            return ApiProblems.TooLarge(language, ApiBody.MaxProjectBytes);
        }
        var read = ProjectRequestJson.Read(body);
        if (!read.IsValid)
        {
            return ApiProblems.Invalid(read.Errors, language);
        }
        var project = read.Value!;
        project.Draws = draws ?? project.Draws;
        project.Seed = seed ?? project.Seed;
        // The request's canonical key, not its bytes: the same project with its fields in another order or spacing is the same map.
        var key = ComputeCache.Key(language, project);
        if (cache.Find(key) is { } known)
        {
            return TypedResults.Bytes(known, JsonContentType);
        }
        var input = ProjectRequestValidator.Validate(model, project);
        var simulation = ProjectRequestValidator.ValidateSimulation(model, project);
        if (!input.IsValid || !simulation.IsValid)
        {
            return ApiProblems.Invalid([.. input.Errors, .. simulation.Errors], language);
        }
        var map = ImpactCalculator.Compute(model, input.Value!, simulation.Value!);
        var answer = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(MapContract.ToDto(model, map, language), CompactJson);
        if (simulation.Value!.Draws > 0)
        {
            // Without a Monte Carlo a map is cheaper to compute again than to keep: only simulations are cached.
            cache.Keep(key, answer);
        }
        return TypedResults.Bytes(answer, JsonContentType);
    }

    private static Results<FileContentHttpResult, StatusCodeHttpResult> Model(HttpContext context, ApiModel model)
    {
        var headers = context.Response.Headers;
        headers.ETag = model.ETag;
        // The model changes only with a new release: an hour in any cache, then a cheap check with If-None-Match.
        headers.CacheControl = "public, max-age=3600";
        if (context.Request.Headers.IfNoneMatch.Any(tag => tag is not null && (tag == model.ETag || tag.Split(',').Select(t => t.Trim()).Contains(model.ETag))))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.File(model.Json, "application/json");
    }
}

/// <summary>The answer of GET /api/v1/ping.</summary>
public sealed record ApiPing(string Status);
