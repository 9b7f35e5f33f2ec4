using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Microsoft.Extensions.Caching.Memory;

namespace Impactkaart.Web.Features.Shared;

/// <summary>
/// Validates a project request and computes its map, with the model's default draws and the fixed default seed,
/// whatever the request says about them. Every page and download computes here, from the request however it came
/// (an address, a form, a saved project, a share link). A map is a pure function of its inputs, so computed maps are
/// kept in a bounded cache under the request's canonical key: the page, its "what if" and every download of the same
/// map share one computation.
/// </summary>
public sealed class MapService(ImpactModel model, IMemoryCache cache)
{
    public ImpactModel Model => model;

    public Validated<ProjectInput> Validate(ProjectRequest request) => ProjectRequestValidator.Validate(model, request);

    /// <summary>The map of a valid request (with its calculation trail), or the field messages.</summary>
    public (ImpactMap? Map, IReadOnlyList<FieldError> Errors) Compute(ProjectRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var project = request.Copy();
        project.Draws = project.Seed = null;
        var key = project.CanonicalKey();
        if (cache.TryGetValue(key, out ImpactMap? cached) && cached is not null)
        {
            return (cached, []);
        }
        var validated = Validate(project);
        if (!validated.IsValid)
        {
            return (null, validated.Errors);
        }
        var map = ImpactCalculator.Compute(model, validated.Value!, new SimulationSettings(model.DefaultDraws, SimulationSettings.DefaultSeed), withTrail: true);
        cache.Set(key, map, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return (map, []);
    }
}
