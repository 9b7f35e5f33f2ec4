using System.Numerics;
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
/// <remarks>
/// Why the shape: the API and the web app compute a map per request, so the simulation must cost well under a
/// millisecond. Draws go in blocks. Per block, each input gets a column of values, drawn in a fixed order (block by
/// block, input by input, four generator lanes at once) so that a seed still reproduces a simulation exactly; then
/// the benefits of the whole block are computed with SIMD vectors, without branches. The tornado is one more block
/// (each input low and high, the others central), so there is one formula for both. The percentiles come from
/// selection, not a full sort.
/// </remarks>
internal sealed class MonteCarlo
{
    private const int MaxDrivers = 8;

    /// <summary>Draws per block: a multiple of every SIMD width, and a block of columns stays in the CPU cache.</summary>
    private const int Block = 256;

    private readonly ProjectPlan plan;
    private readonly double participants;
    private readonly double costs;
    private readonly double[] discount;
    private readonly int[] firstYear;
    private readonly double[] multiplier;
    private readonly (int Price, double Quantity)[][] links;

    /// <summary>Four columns per outcome (effect, deadweight, attribution, drop-off), then one per price.</summary>
    private readonly double[] central;
    private readonly double[] values;

    /// <summary>The inputs that vary, in column order: the ones drawn, and the tornado's lines.</summary>
    private readonly RangedInput[] ranged;

    private MonteCarlo(ProjectPlan plan, ProjectInput input, Timing timing, decimal costsPv)
    {
        this.plan = plan;
        participants = input.Participants;
        costs = (double)costsPv;
        discount = [.. DiscountTable.For(input.DiscountRate.Value, timing.Horizon).Select(f => (double)f)];
        firstYear = timing.FirstEffectYear;
        var n = plan.Outcomes.Length;
        multiplier = new double[n];
        central = new double[4 * n + plan.Prices.Length];
        var inputs = new List<RangedInput>();
        for (var j = 0; j < n; j++)
        {
            var o = plan.Outcomes[j].Outcome;
            multiplier[j] = (double)ImpactCalculator.Multiplier(plan, input, j);
            var measured = input.Measured.TryGetValue(o.Id, out var m);
            central[EffectColumn(j)] = measured ? (double)m : (double)o.Effect.Central;
            central[EffectColumn(j) + 1] = (double)o.Deadweight.Central;
            central[EffectColumn(j) + 2] = (double)o.Attribution.Central;
            central[EffectColumn(j) + 3] = (double)o.DropOff.Central;
            if (!measured)
            {
                Add(inputs, EffectColumn(j), $"effect:{o.Id}", o.Label, new Text("effect per deelnemer", "effect per participant"), o.Effect);
            }
            Add(inputs, EffectColumn(j) + 1, $"deadweight:{o.Id}", o.Label, new Text("deadweight (was ook zonder project gebeurd)", "deadweight (would have happened anyway)"), o.Deadweight);
            Add(inputs, EffectColumn(j) + 2, $"attribution:{o.Id}", o.Label, new Text("attributie (aandeel van het project)", "attribution (the project's share)"), o.Attribution);
            Add(inputs, EffectColumn(j) + 3, $"dropOff:{o.Id}", o.Label, new Text("afname per jaar", "drop-off per year"), o.DropOff);
        }
        for (var i = 0; i < plan.Prices.Length; i++)
        {
            var p = plan.Prices[i];
            central[PriceColumn(i)] = (double)p.Value.Central;
            Add(inputs, PriceColumn(i), $"price:{p.Id}", p.Label, new Text("prijs", "price"), p.Value);
        }
        ranged = [.. inputs];
        links = [.. plan.Outcomes.Select(o => o.Links.Select(l => (l.PriceIndex, (double)l.Link.Quantity)).ToArray())];
        values = new double[central.Length * Block];
    }

    public static Uncertainty Run(ProjectPlan plan, ProjectInput input, Timing timing, SimulationSettings settings, decimal costsPv)
    {
        var mc = new MonteCarlo(plan, input, timing, costsPv);
        return mc.Simulate(settings);
    }

    private static int EffectColumn(int outcome) => 4 * outcome;

    private int PriceColumn(int price) => 4 * plan.Outcomes.Length + price;

    private static void Add(List<RangedInput> inputs, int column, string id, Text label, Text kind, Estimate estimate)
    {
        if (estimate.IsRanged)
        {
            inputs.Add(new RangedInput(column, id, label, kind, estimate, new Triangle(estimate)));
        }
    }

    private Span<double> Column(int column) => values.AsSpan(column * Block, Block);

    private void SetCentral()
    {
        for (var c = 0; c < central.Length; c++)
        {
            Column(c).Fill(central[c]);
        }
    }

    private Uncertainty Simulate(SimulationSettings settings)
    {
        var draws = settings.Draws;
        var benefits = new double[draws];
        var uniform = new double[Block];
        var totals = new double[Block];
        var random = new Xoshiro256x4(settings.Seed);
        var above = 0;
        SetCentral();
        for (var start = 0; start < draws; start += Block)
        {
            var count = Math.Min(Block, draws - start);
            foreach (var input in ranged)
            {
                // A whole block even when fewer draws are left: the order of the numbers stays fixed.
                random.Fill(uniform);
                input.Range.Sample(uniform, Column(input.Column));
            }
            Evaluate(totals);
            for (var t = 0; t < count; t++)
            {
                benefits[start + t] = totals[t];
                if (totals[t] > costs)
                {
                    above++;
                }
            }
        }
        // Costs are the user's own figure, not drawn: the ratio and the NPV both rise with the benefits, so the
        // percentiles of the benefits give the percentiles of both.
        var p10 = Percentile(benefits, 0.10);
        var p50 = Percentile(benefits, 0.50);
        var p90 = Percentile(benefits, 0.90);
        return new Uncertainty(
            draws,
            settings.Seed,
            Ratio.FromDecimal(ToDecimal(p10 / costs)),
            Ratio.FromDecimal(ToDecimal(p50 / costs)),
            Ratio.FromDecimal(ToDecimal(p90 / costs)),
            Money.FromEuros(ToDecimal(p10 - costs)),
            Money.FromEuros(ToDecimal(p50 - costs)),
            Money.FromEuros(ToDecimal(p90 - costs)),
            Fraction.FromDecimal((decimal)above / draws),
            Drivers(totals));
    }

    /// <summary>The discounted benefits (financial view) of every slot of the block, at the values in the columns.</summary>
    private void Evaluate(double[] totals)
    {
        Array.Clear(totals);
        var width = Vector<double>.Count;
        var one = Vector<double>.One;
        for (var j = 0; j < plan.Outcomes.Length; j++)
        {
            var effect = Column(EffectColumn(j));
            var deadweight = Column(EffectColumn(j) + 1);
            var attribution = Column(EffectColumn(j) + 2);
            var dropOff = Column(EffectColumn(j) + 3);
            var scale = new Vector<double>(multiplier[j]);
            var people = new Vector<double>(participants);
            var start = firstYear[j];
            var duration = plan.Outcomes[j].Outcome.DurationYears;
            var outcomeLinks = links[j];
            for (var t = 0; t < Block; t += width)
            {
                var units = new Vector<double>(effect[t..]) * scale * (one - new Vector<double>(deadweight[t..])) * new Vector<double>(attribution[t..]) * people;
                var keep = one - new Vector<double>(dropOff[t..]);
                var timeFactor = Vector<double>.Zero;
                var persistence = one;
                for (var k = 0; k < duration; k++)
                {
                    timeFactor += persistence * new Vector<double>(discount[start + k]);
                    persistence *= keep;
                }
                var valuePerUnit = Vector<double>.Zero;
                foreach (var (price, quantity) in outcomeLinks)
                {
                    valuePerUnit += new Vector<double>(quantity) * new Vector<double>(Column(PriceColumn(price))[t..]);
                }
                var total = new Vector<double>(totals.AsSpan(t)) + units * timeFactor * valuePerUnit;
                total.CopyTo(totals.AsSpan(t));
            }
        }
    }

    /// <summary>The tornado list: each ranged input at its low and high end with all others central, largest swing first.</summary>
    private Driver[] Drivers(double[] totals)
    {
        var drivers = new List<Driver>(ranged.Length);
        for (var first = 0; first < ranged.Length; first += Block / 2)
        {
            var chunk = ranged.AsSpan(first, Math.Min(Block / 2, ranged.Length - first));
            SetCentral();
            for (var r = 0; r < chunk.Length; r++)
            {
                var column = Column(chunk[r].Column);
                column[2 * r] = (double)chunk[r].Estimate.Low;
                column[(2 * r) + 1] = (double)chunk[r].Estimate.High;
            }
            Evaluate(totals);
            for (var r = 0; r < chunk.Length; r++)
            {
                var input = chunk[r];
                drivers.Add(new Driver(input.Id, input.Label, input.Kind, input.Estimate.Low, input.Estimate.High,
                    Ratio.FromDecimal(ToDecimal(totals[2 * r] / costs)), Ratio.FromDecimal(ToDecimal(totals[(2 * r) + 1] / costs))));
            }
        }
        drivers.Sort((a, b) => b.Swing.CompareTo(a.Swing));
        return [.. drivers.Take(MaxDrivers)];
    }

    /// <summary>Inverse CDF of the triangular distribution on [low, high] with mode central.</summary>
    internal static double Triangular(Estimate e, double u)
    {
        Span<double> value = stackalloc double[Vector<double>.Count];
        Span<double> uniform = stackalloc double[Vector<double>.Count];
        uniform.Fill(u);
        new Triangle(e).Sample(uniform, value);
        return value[0];
    }

    private sealed record RangedInput(int Column, string Id, Text Label, Text Kind, Estimate Estimate, Triangle Range);

    /// <summary>A triangular distribution on [Low, High] with mode Central, with its constants worked out once.</summary>
    private readonly struct Triangle
    {
        private readonly double low, high, split, lowSpan, highSpan;

        public Triangle(Estimate e)
        {
            low = (double)e.Low;
            var mode = (double)e.Central;
            high = (double)e.High;
            split = high > low ? (mode - low) / (high - low) : 0;
            lowSpan = (high - low) * (mode - low);
            highSpan = (high - low) * (high - mode);
        }

        /// <summary>
        /// The values at the cumulative probabilities in <paramref name="uniform"/> (the inverse CDF), both of whose
        /// lengths are a multiple of the SIMD width. Selects instead of branches: with draws either side of the
        /// mode at random, a branch would be mispredicted half the time; one square root for both sides.
        /// </summary>
        public void Sample(ReadOnlySpan<double> uniform, Span<double> result)
        {
            var width = Vector<double>.Count;
            var lowV = new Vector<double>(low);
            var highV = new Vector<double>(high);
            var splitV = new Vector<double>(split);
            var lowSpanV = new Vector<double>(lowSpan);
            var highSpanV = new Vector<double>(highSpan);
            for (var t = 0; t < uniform.Length; t += width)
            {
                var u = new Vector<double>(uniform[t..]);
                var isBelow = Vector.LessThan(u, splitV);
                var root = Vector.SquareRoot(Vector.ConditionalSelect(isBelow, u * lowSpanV, (Vector<double>.One - u) * highSpanV));
                Vector.ConditionalSelect(isBelow, lowV + root, highV - root).CopyTo(result[t..]);
            }
        }
    }

    /// <summary>
    /// Linear interpolation between closest ranks, as if <paramref name="sample"/> were sorted. The sample is only
    /// partly reordered (selection), which costs a fraction of a full sort.
    /// </summary>
    internal static double Percentile(double[] sample, double q)
    {
        var position = q * (sample.Length - 1);
        var lower = (int)Math.Floor(position);
        var atLower = Select(sample, lower);
        if (lower + 1 >= sample.Length || position == lower)
        {
            return atLower;
        }
        // After the selection everything right of 'lower' is at least as large, so the next rank is their minimum.
        var atUpper = double.PositiveInfinity;
        foreach (var value in sample.AsSpan(lower + 1))
        {
            atUpper = Math.Min(atUpper, value);
        }
        return atLower + ((position - lower) * (atUpper - atLower));
    }

    /// <summary>Quickselect (Hoare partition, median-of-three pivot): puts the k-th smallest value at index k, smaller ones left of it and larger ones right of it.</summary>
    private static double Select(Span<double> a, int k)
    {
        var left = 0;
        var right = a.Length - 1;
        while (right > left)
        {
            var middle = left + ((right - left) / 2);
            if (a[middle] < a[left])
            {
                (a[middle], a[left]) = (a[left], a[middle]);
            }
            if (a[right] < a[left])
            {
                (a[right], a[left]) = (a[left], a[right]);
            }
            if (a[right] < a[middle])
            {
                (a[right], a[middle]) = (a[middle], a[right]);
            }
            var pivot = a[middle];
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }
                while (a[j] > pivot)
                {
                    j--;
                }
                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return a[k];
            }
        }
        return a[k];
    }

    private static decimal ToDecimal(double value) => Math.Round((decimal)value, 6);
}
