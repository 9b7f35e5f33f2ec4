using Impactkaart.Engine.Model;

namespace Impactkaart.Engine.Calculation;

/// <summary>The sources behind a map: every source any figure in it rests on, in order of first use.</summary>
public static class MapSources
{
    public static IReadOnlyList<Source> For(ImpactModel model, ImpactMap map)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(map);
        var sources = new List<Source>();
        void Add(Basis? basis)
        {
            if (basis?.Source is { } s && !sources.Contains(s))
            {
                sources.Add(s);
            }
        }
        var project = map.Input.ReferenceProject;
        foreach (var figures in map.ByOutcome)
        {
            var o = figures.Outcome;
            if (!figures.Measured)
            {
                Add(o.Effect.Basis);
            }
            Add(o.Deadweight.Basis);
            Add(o.Attribution.Basis);
            Add(o.DropOff.Basis);
            foreach (var link in o.Prices)
            {
                Add(link.QuantityBasis);
                Add(link.Price.Value.Basis);
                foreach (var labour in link.Price.Labour)
                {
                    Add(labour.HoursPerUnit.Basis);
                    Add(labour.Profession.ProductiveHoursPerFteYear.Basis);
                }
            }
        }
        foreach (var question in project.Questions)
        {
            Add(map.Input.AnswerTo(question).Basis);
        }
        foreach (var notClaimed in project.NotClaimed)
        {
            Add(notClaimed.Basis);
        }
        Add(model.DiscountRate.Basis);
        if (!sources.Contains(model.PriceIndex.Source))
        {
            sources.Add(model.PriceIndex.Source);
        }
        return sources;
    }
}
