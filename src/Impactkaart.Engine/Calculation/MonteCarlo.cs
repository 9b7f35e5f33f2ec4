using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Engine.Calculation;

/// <summary>
/// The uncertainty of a map. Every ranged input (each outcome's effect, deadweight, attribution and drop-off, and
/// each price) is drawn from a triangular distribution over its low, central and high value, independently of the
/// others; each draw recomputes the discounted benefits. Draws are in double precision (documented and bounded:
/// only percentiles and a probability come out of them); the deterministic map stays in decimal.
/// Independence is a simplification: correlated inputs would widen the spread somewhat.
/// </summary>
internal sealed class MonteCarlo
{
    private const int MaxDrivers = 8;

    private readonly ProjectPlan plan;
    private readonly double participants;
    private readonly double costs;
    private readonly double[] discount;
    private readonly int[] firstYear;
    private readonly double[] multiplier;
    private readonly bool[] measured;
    private readonly double[] measuredValue;

    // Each input's distribution in double precision, converted from decimal once per map rather than per draw.
    private readonly Triangle[] effectRange;
    private readonly Triangle[] deadweightRange;
    private readonly Triangle[] attributionRange;
    private readonly Triangle[] dropOffRange;
    private readonly Triangle[] priceRange;
    private readonly (int Price, double Quantity)[][] links;
    private readonly int[] rangedPrices;
    private readonly (double[] Values, Triangle[] Ranges, int Index)[] rangedOutcomeInputs;

    // The current value of every input; sampling and the tornado overwrite them.
    private readonly double[] effect;
    private readonly double[] deadweight;
    private readonly double[] attribution;
    private readonly double[] dropOff;
    private readonly double[] price;

    private MonteCarlo(ProjectPlan plan, ProjectInput input, Timing timing, decimal costsPv)
    {
        this.plan = plan;
        participants = input.Participants;
        costs = (double)costsPv;
        var factors = DiscountTable.For(input.DiscountRate.Value, timing.Horizon);
        discount = [.. factors.Select(f => (double)f)];
        firstYear = timing.FirstEffectYear;
        var n = plan.Outcomes.Length;
        multiplier = new double[n];
        measured = new bool[n];
        measuredValue = new double[n];
        for (var j = 0; j < n; j++)
        {
            multiplier[j] = (double)ImpactCalculator.Multiplier(plan, input, j);
            measured[j] = input.Measured.TryGetValue(plan.Outcomes[j].Outcome.Id, out var m);
            measuredValue[j] = (double)m;
        }
        effect = new double[n];
        deadweight = new double[n];
        attribution = new double[n];
        dropOff = new double[n];
        price = new double[plan.Prices.Length];
        var outcomes = plan.Outcomes.Select(o => o.Outcome).ToArray();
        effectRange = [.. outcomes.Select(o => new Triangle(o.Effect))];
        deadweightRange = [.. outcomes.Select(o => new Triangle(o.Deadweight))];
        attributionRange = [.. outcomes.Select(o => new Triangle(o.Attribution))];
        dropOffRange = [.. outcomes.Select(o => new Triangle(o.DropOff))];
        priceRange = [.. plan.Prices.Select(p => new Triangle(p.Value))];
        links = [.. plan.Outcomes.Select(o => o.Links.Select(l => (l.PriceIndex, (double)l.Link.Quantity)).ToArray())];
        rangedPrices = [.. Enumerable.Range(0, priceRange.Length).Where(i => priceRange[i].IsRanged)];
        var ranged = new List<(double[], Triangle[], int)>();
        for (var j = 0; j < n; j++)
        {
            if (!measured[j] && effectRange[j].IsRanged)
            {
                ranged.Add((effect, effectRange, j));
            }
            foreach (var (values, ranges) in new[] { (deadweight, deadweightRange), (attribution, attributionRange), (dropOff, dropOffRange) })
            {
                if (ranges[j].IsRanged)
                {
                    ranged.Add((values, ranges, j));
                }
            }
        }
        rangedOutcomeInputs = [.. ranged];
        SetCentral();
    }

    public static Uncertainty Run(ProjectPlan plan, ProjectInput input, Timing timing, SimulationSettings settings, decimal costsPv)
    {
        var mc = new MonteCarlo(plan, input, timing, costsPv);
        return mc.Simulate(settings);
    }

    private Uncertainty Simulate(SimulationSettings settings)
    {
        var draws = settings.Draws;
        var benefits = new double[draws];
        var random = new Xoshiro256(settings.Seed);
        var above = 0;
        for (var n = 0; n < draws; n++)
        {
            Sample(ref random);
            benefits[n] = Benefits();
            if (benefits[n] > costs)
            {
                above++;
            }
        }
        // Costs are the user's own figure, not drawn: the ratio and the NPV both rise with the benefits, so one
        // sorted sample of benefits gives the percentiles of both.
        Array.Sort(benefits);
        SetCentral();
        double P(double q) => Percentile(benefits, q);
        return new Uncertainty(
            draws,
            settings.Seed,
            Ratio.FromDecimal(ToDecimal(P(0.10) / costs)),
            Ratio.FromDecimal(ToDecimal(P(0.50) / costs)),
            Ratio.FromDecimal(ToDecimal(P(0.90) / costs)),
            Money.FromEuros(ToDecimal(P(0.10) - costs)),
            Money.FromEuros(ToDecimal(P(0.50) - costs)),
            Money.FromEuros(ToDecimal(P(0.90) - costs)),
            Fraction.FromDecimal((decimal)above / draws),
            Drivers());
    }

    private void SetCentral()
    {
        for (var j = 0; j < effect.Length; j++)
        {
            effect[j] = measured[j] ? measuredValue[j] : effectRange[j].Central;
            deadweight[j] = deadweightRange[j].Central;
            attribution[j] = attributionRange[j].Central;
            dropOff[j] = dropOffRange[j].Central;
        }
        for (var i = 0; i < price.Length; i++)
        {
            price[i] = priceRange[i].Central;
        }
    }

    private void Sample(ref Xoshiro256 random)
    {
        // Only ranged inputs draw; the others keep their central value from SetCentral.
        foreach (var i in rangedPrices)
        {
            price[i] = priceRange[i].Sample(random.NextDouble());
        }
        foreach (var (values, ranges, index) in rangedOutcomeInputs)
        {
            values[index] = ranges[index].Sample(random.NextDouble());
        }
    }

    /// <summary>The discounted benefits (financial view) at the current input values.</summary>
    private double Benefits()
    {
        var total = 0.0;
        for (var j = 0; j < plan.Outcomes.Length; j++)
        {
            var op = plan.Outcomes[j];
            var units = effect[j] * multiplier[j] * (1.0 - deadweight[j]) * attribution[j] * participants;
            var timeFactor = 0.0;
            var persistence = 1.0;
            var start = firstYear[j];
            for (var k = 0; k < op.Outcome.DurationYears; k++)
            {
                timeFactor += persistence * discount[start + k];
                persistence *= 1.0 - dropOff[j];
            }
            var valuePerUnit = 0.0;
            foreach (var (priceIndex, quantity) in links[j])
            {
                valuePerUnit += quantity * price[priceIndex];
            }
            total += units * timeFactor * valuePerUnit;
        }
        return total;
    }

    /// <summary>The tornado list: each ranged input at its low and high end with all others central, largest swing first.</summary>
    private Driver[] Drivers()
    {
        var drivers = new List<Driver>();
        for (var j = 0; j < plan.Outcomes.Length; j++)
        {
            var o = plan.Outcomes[j].Outcome;
            if (!measured[j])
            {
                Add(drivers, $"effect:{o.Id}", o.Label, new Text("effect per deelnemer", "effect per participant"), o.Effect, effect, j);
            }
            Add(drivers, $"deadweight:{o.Id}", o.Label, new Text("deadweight (was ook zonder project gebeurd)", "deadweight (would have happened anyway)"), o.Deadweight, deadweight, j);
            Add(drivers, $"attribution:{o.Id}", o.Label, new Text("attributie (aandeel van het project)", "attribution (the project's share)"), o.Attribution, attribution, j);
            Add(drivers, $"dropOff:{o.Id}", o.Label, new Text("afname per jaar", "drop-off per year"), o.DropOff, dropOff, j);
        }
        for (var i = 0; i < plan.Prices.Length; i++)
        {
            var p = plan.Prices[i];
            Add(drivers, $"price:{p.Id}", p.Label, new Text("prijs", "price"), p.Value, price, i);
        }
        drivers.Sort((a, b) => b.Swing.CompareTo(a.Swing));
        return [.. drivers.Take(MaxDrivers)];
    }

    private void Add(List<Driver> drivers, string id, Text label, Text kind, Estimate estimate, double[] values, int index)
    {
        if (!estimate.IsRanged)
        {
            return;
        }
        var central = values[index];
        values[index] = (double)estimate.Low;
        var atLow = Benefits() / costs;
        values[index] = (double)estimate.High;
        var atHigh = Benefits() / costs;
        values[index] = central;
        drivers.Add(new Driver(id, label, kind, estimate.Low, estimate.High, Ratio.FromDecimal(ToDecimal(atLow)), Ratio.FromDecimal(ToDecimal(atHigh))));
    }

    /// <summary>Inverse CDF of the triangular distribution on [low, high] with mode central.</summary>
    internal static double Triangular(Estimate e, double u) => new Triangle(e).Sample(u);

    /// <summary>A triangular distribution on [Low, High] with mode Central, with its constants worked out once.</summary>
    private readonly struct Triangle
    {
        private readonly double low, high, split, lowSpan, highSpan;

        public Triangle(Estimate e)
        {
            low = (double)e.Low;
            Central = (double)e.Central;
            high = (double)e.High;
            split = high > low ? (Central - low) / (high - low) : 0;
            lowSpan = (high - low) * (Central - low);
            highSpan = (high - low) * (high - Central);
        }

        public double Central { get; }

        public bool IsRanged => high > low;

        /// <summary>The value at cumulative probability <paramref name="u"/> (inverse CDF).</summary>
        public double Sample(double u)
        {
            if (high <= low)
            {
                return Central;
            }
            return u < split ? low + Math.Sqrt(u * lowSpan) : high - Math.Sqrt((1 - u) * highSpan);
        }
    }

    /// <summary>Linear interpolation between closest ranks of a sorted sample.</summary>
    internal static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    private static decimal ToDecimal(double value) => Math.Round((decimal)value, 6);
}
