using System.Text;
using Impactkaart.Documents;
using Impactkaart.Engine.Calculation;
using Impactkaart.Reports;
using Impactkaart.Web.Features.Shared;

namespace Impactkaart.Web.Features.Map;

/// <summary>
/// The same map as files: a one-page PDF, an Excel workbook with the calculation trail, the map as PNG and SVG,
/// and the inputs as a JSON file the start page loads again. Each takes the map's address (its query string);
/// input that does not validate goes back to the map page, which names what is wrong.
/// </summary>
public static class MapDownloads
{
    public static void MapMapDownloads(this IEndpointRouteBuilder app)
    {
        // The query may carry a saved project's name and figures (the project page links here).
        var group = app.MapGroup("/kaart").WithNoStore();
        group.MapGet("/pdf", (HttpContext context, MapService maps, RequestLanguage language) =>
            File(context, maps, language, "pdf", "application/pdf", (model, map, lang) => MapPdf.Render(model, map, lang)));
        group.MapGet("/xlsx", (HttpContext context, MapService maps, RequestLanguage language) =>
            File(context, maps, language, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (model, map, lang) => MapWorkbook.Render(model, map, lang)));
        group.MapGet("/png", (HttpContext context, MapService maps, RequestLanguage language) =>
            File(context, maps, language, "png", "image/png", (model, map, lang) => MapGraphic.Png(model, map, lang)));
        group.MapGet("/svg", (HttpContext context, MapService maps, RequestLanguage language) =>
            File(context, maps, language, "svg", "image/svg+xml", (model, map, lang) => Encoding.UTF8.GetBytes(MapGraphic.Svg(model, map, lang))));
        group.MapGet("/json", (HttpContext context, MapService maps) =>
        {
            var state = ProjectState.From(context.Request.Query);
            var json = ProjectRequestJson.Write(state.ToRequest(), maps.Model.Version);
            return Results.File(Encoding.UTF8.GetBytes(json), "application/json", FileName(state, "json"));
        });
    }

    private static IResult File(HttpContext context, MapService maps, RequestLanguage language, string extension, string contentType,
        Func<Impactkaart.Engine.Model.ImpactModel, ImpactMap, Impactkaart.Engine.Language, byte[]> render)
    {
        var state = ProjectState.From(context.Request.Query);
        var (map, _) = maps.Compute(state.ToRequest());
        if (map is null)
        {
            return Results.Redirect(state.Url("/kaart"));
        }
        return Results.File(render(maps.Model, map, language.Language), contentType, FileName(state, extension));
    }

    /// <summary>"impactkaart-budgetcoaching.pdf": the reference project's id only, never the user's free text.</summary>
    private static string FileName(ProjectState state, string extension)
    {
        var id = state[ProjectFields.ReferenceProject] is { } r && r.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? r : "project";
        return $"impactkaart-{id}.{extension}";
    }
}
