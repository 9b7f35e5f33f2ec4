using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Microsoft.Extensions.Caching.Memory;

namespace Impactkaart.Web.Features.Shared;

/// <summary>
/// Validates a project state and computes its map, with the model's default draws and the fixed default seed.
/// A map is a pure function of its inputs, so computed maps are kept in a bounded cache: the page, its "what if"
/// and every download of the same map share one computation.
/// </summary>
public sealed class MapService(ImpactModel model, IMemoryCache cache)
{
    public ImpactModel Model => model;

    public Validated<ProjectInput> Validate(ProjectState state) => ProjectRequestValidator.Validate(model, state.ToRequest());

    /// <summary>The map of a valid state (with its calculation trail), or the field messages.</summary>
    public (ImpactMap? Map, IReadOnlyList<FieldError> Errors) Compute(ProjectState state)
    {
        var key = state.CacheKey();
        if (cache.TryGetValue(key, out ImpactMap? cached) && cached is not null)
        {
            return (cached, []);
        }
        var validated = Validate(state);
        if (!validated.IsValid)
        {
            return (null, validated.Errors);
        }
        var map = ImpactCalculator.Compute(model, validated.Value!, new SimulationSettings(model.DefaultDraws, SimulationSettings.DefaultSeed), withTrail: true);
        cache.Set(key, map, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return (map, []);
    }
}
