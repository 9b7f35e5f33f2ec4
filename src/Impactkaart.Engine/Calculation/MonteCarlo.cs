using System.Numerics;
using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Engine.Calculation;

/// <summary>
/// The uncertainty of a map, in both views. Each draw recomputes the discounted benefits with:
/// <list type="bullet">
/// <item>all effects of the project drawn together (one shared random number: when a project's effects are over- or
/// underestimated, they are so together), each from its own triangular range;</item>
/// <item>all judgement calls drawn together (one more shared number): deadweight and drop-off high exactly when
/// attribution is low;</item>
/// <item>each effect absent with the probability its evidence grade sets (never a measured one);</item>
/// <item>each step-3 answer's deviation from the reference, the intensity elasticity, the caps of mutually exclusive
/// outcomes and each price, independently, each over its own range.</item>
/// </list>
/// <see cref="PortfolioSimulation"/> runs the same formula per project with the numbers shared across projects.
/// Draws are in double precision (documented and bounded: only percentiles and probabilities come out of them); the
/// deterministic map stays in decimal.
/// </summary>
/// <remarks>
/// Why the shape: the API and the web app compute a map per request, so the simulation must cost well under a
/// millisecond. Draws go in blocks. Per block, each input gets a column of values, drawn in a fixed order (block by
/// block, shared numbers first, then input by input, four generator lanes at once) so that a seed still reproduces
/// a simulation exactly; then the benefits of the whole block are computed with SIMD vectors, without branches. The
/// tornado is one more block (each input low and high, the others central), so there is one formula for both. The
/// percentiles come from selection, not a full sort.
/// </remarks>
internal sealed class MonteCarlo
{
    private const int MaxDrivers = 8;

    /// <summary>Draws per block: a multiple of every SIMD width, and a block of columns stays in the CPU cache.</summary>
    internal const int Block = 256;

    /// <summary>Columns per outcome: effect, deadweight, attribution, drop-off, presence (1 or 0).</summary>
    private const int PerOutcome = 5;

    private readonly ProjectPlan plan;
    private readonly double participants;
    private readonly double costs;
    private readonly double[] discount;
    private readonly int[] firstYear;
    private readonly bool[] scaled;
    private readonly (int Column, double Deviation)[][] answers;
    private readonly (int Price, double Quantity, bool Money, bool Welfare)[][] links;

    /// <summary>ln(cost per participant / usual cost) when below the usual cost (effects shrink), else 0 (no scaling).</summary>
    private readonly double logRelativeCost;

    private readonly int priceStart;
    private readonly int elasticityColumn;
    private readonly int capStart;
    private readonly double[] central;
    private readonly double[] values;
    private readonly double[] net;

    /// <summary>The inputs that vary, in drawing order: the ones drawn, and the tornado's lines.</summary>
    private readonly RangedInput[] ranged;

    internal MonteCarlo(ImpactModel model, ProjectPlan plan, ProjectInput input, Timing timing, decimal costsPv, IntensityFigures intensity, OutcomeEffect[] effects)
    {
        this.plan = plan;
        participants = input.Participants;
        costs = (double)costsPv;
        discount = [.. DiscountTable.For(input.DiscountRate.Value, timing.Horizon).Select(f => (double)f)];
        firstYear = timing.FirstEffectYear;
        var n = plan.Outcomes.Length;
        var questions = plan.Project.Questions;
        var answered = Enumerable.Range(0, questions.Count)
            .Where(q => input.Answers.TryGetValue(questions[q].Id, out var o) && o.Multiplier != 1m)
            .ToArray();
        priceStart = PerOutcome * n;
        var answerStart = priceStart + plan.Prices.Length;
        elasticityColumn = answerStart + answered.Length;
        capStart = elasticityColumn + 1;
        central = new double[capStart + plan.Groups.Length];
        var relative = intensity.Typical.Euros > 0m ? intensity.CostPerParticipant.Euros / intensity.Typical.Euros : 1m;
        logRelativeCost = relative is > 0m and < 1m ? Math.Log((double)relative) : 0;
        scaled = new bool[n];
        answers = new (int, double)[n][];

        var inputs = new List<RangedInput>();
        var policy = model.Evidence;
        for (var j = 0; j < n; j++)
        {
            var op = plan.Outcomes[j];
            var o = op.Outcome;
            var measured = effects[j].Measured;
            var c = PerOutcome * j;
            scaled[j] = !measured;
            answers[j] = measured ? [] : [.. answered.Where(q => plan.QuestionApplies[q][j]).Select(q => (answerStart + Array.IndexOf(answered, q), (double)(input.Answers[questions[q].Id].Multiplier - 1m)))];
            central[c] = (double)effects[j].Effect;
            central[c + 1] = (double)o.Deadweight.Central;
            central[c + 2] = (double)o.Attribution.Central;
            central[c + 3] = (double)o.DropOff.Central;
            central[c + 4] = 1;
            if (!measured)
            {
                Add(inputs, c, Stream.Effects, $"effect:{o.Id}", o.Label, new Text("het effect per deelnemer", "the effect per participant"), o.Effect);
            }
            Add(inputs, c + 1, Stream.Judgement, $"deadweight:{o.Id}", o.Label, new Text("de deadweight (was ook zonder project gebeurd)", "the deadweight (would have happened anyway)"), o.Deadweight);
            Add(inputs, c + 2, Stream.JudgementInverse, $"attribution:{o.Id}", o.Label, new Text("de attributie (aandeel van het project)", "the attribution (the project's share)"), o.Attribution);
            Add(inputs, c + 3, Stream.Judgement, $"dropOff:{o.Id}", o.Label, new Text("de afname per jaar", "the drop-off per year"), o.DropOff);
            if (!measured && op.AbsenceProbability > 0)
            {
                var grade = policy.For(o.Evidence).Label;
                inputs.Add(new RangedInput(c + 4, Stream.Presence, $"presence:{o.Id}", o.Label,
                    new Text($"of het effect optreedt (bewijs: {grade.Nl})", $"whether the effect occurs (evidence: {grade.En})"),
                    0m, 1m, 0, 1, default, op.AbsenceProbability));
            }
        }
        for (var i = 0; i < plan.Prices.Length; i++)
        {
            var p = plan.Prices[i];
            central[priceStart + i] = (double)p.Value.Central;
            Add(inputs, priceStart + i, Stream.Common, $"price:{p.Id}", p.Label, new Text("de prijs", "the price"), p.Value);
        }
        var spread = policy.AnswerSpread;
        for (var a = 0; a < answered.Length; a++)
        {
            central[answerStart + a] = 1;
            var question = questions[answered[a]];
            var option = input.Answers[question.Id];
            if (spread.IsRanged)
            {
                // The tornado's low end is the smaller multiplier: for an answer below 1 that is the larger deviation.
                var deviation = option.Multiplier - 1m;
                var (lowEnd, highEnd) = deviation < 0m ? (spread.High, spread.Low) : (spread.Low, spread.High);
                inputs.Add(new RangedInput(answerStart + a, Stream.Own, $"answer:{question.Id}", option.Label,
                    new Text("het antwoord in stap 3", "the step-3 answer"), 1m + deviation * lowEnd, 1m + deviation * highEnd,
                    (double)lowEnd, (double)highEnd, new Triangle((double)spread.Low, (double)spread.Central, (double)spread.High), 0));
            }
        }
        central[elasticityColumn] = (double)model.Intensity.Elasticity.Central;
        if (logRelativeCost < 0)
        {
            Add(inputs, elasticityColumn, Stream.Common, "intensity", new Text("Kosten per deelnemer onder het gebruikelijke", "Cost per participant below the usual"),
                new Text("de afnemende meeropbrengst", "the diminishing returns"), model.Intensity.Elasticity);
        }
        for (var g = 0; g < plan.Groups.Length; g++)
        {
            var group = plan.Groups[g].Group;
            central[capStart + g] = (double)group.Cap.Central;
            Add(inputs, capStart + g, Stream.Common, $"cap:{group.Id}", group.Label, new Text("de bovengrens", "the cap"), group.Cap);
        }
        ranged = [.. inputs];
        links = [.. plan.Outcomes.Select(o => o.Links.Select(l => (l.PriceIndex, (double)l.Link.Quantity, l.InMoney, l.InWelfare)).ToArray())];
        values = new double[central.Length * Block];
        net = new double[n * Block];
    }

    public static Uncertainty Run(ImpactModel model, ProjectPlan plan, ProjectInput input, Timing timing, SimulationSettings settings, decimal costsPv,
        IntensityFigures intensity, OutcomeEffect[] effects, IReadOnlyList<OutcomeFigures> outcomes, EvidenceSummary evidence)
    {
        var mc = new MonteCarlo(model, plan, input, timing, costsPv, intensity, effects);
        return mc.Simulate(settings, outcomes, evidence);
    }

    private static void Add(List<RangedInput> inputs, int column, Stream stream, string id, Text label, Text kind, Estimate estimate)
    {
        if (estimate.IsRanged)
        {
            inputs.Add(new RangedInput(column, stream, id, label, kind, estimate.Low, estimate.High, (double)estimate.Low, (double)estimate.High,
                new Triangle((double)estimate.Low, (double)estimate.Central, (double)estimate.High), 0));
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

    /// <summary>The present value of the project's costs: the user's own figure, not drawn.</summary>
    internal double Costs => costs;

    private Uncertainty Simulate(SimulationSettings settings, IReadOnlyList<OutcomeFigures> outcomes, EvidenceSummary evidence)
    {
        var draws = settings.Draws;
        var money = new double[draws];
        var welfare = new double[draws];
        var moneyTotals = new double[Block];
        var welfareTotals = new double[Block];
        var source = new OneStream(settings.Seed);
        var moneyAbove = 0;
        var welfareAbove = 0;
        SetCentral();
        for (var start = 0; start < draws; start += Block)
        {
            var count = Math.Min(Block, draws - start);
            DrawBlock(source, start, moneyTotals, welfareTotals);
            for (var t = 0; t < count; t++)
            {
                money[start + t] = moneyTotals[t];
                welfare[start + t] = welfareTotals[t];
                moneyAbove += moneyTotals[t] > costs ? 1 : 0;
                welfareAbove += welfareTotals[t] > costs ? 1 : 0;
            }
        }
        // Costs are the user's own figure, not drawn: the ratio and the NPV both rise with the benefits, so the
        // percentiles of the benefits give the percentiles of both.
        var p10 = Percentile(money, 0.10);
        var p50 = Percentile(money, 0.50);
        var p90 = Percentile(money, 0.90);
        var drivers = Drivers(moneyTotals, welfareTotals);
        return new Uncertainty(
            draws,
            settings.Seed,
            RatioOf(p10),
            RatioOf(p50),
            RatioOf(p90),
            Money.FromEuros(ToDecimal(p10 - costs)),
            Money.FromEuros(ToDecimal(p50 - costs)),
            Money.FromEuros(ToDecimal(p90 - costs)),
            Fraction.FromDecimal((decimal)moneyAbove / draws),
            RatioOf(Percentile(welfare, 0.10)),
            RatioOf(Percentile(welfare, 0.50)),
            RatioOf(Percentile(welfare, 0.90)),
            Fraction.FromDecimal((decimal)welfareAbove / draws),
            drivers,
            EvidenceCheck.Explain(outcomes, evidence, drivers));
    }

    /// <summary>
    /// Adds this project's net present value (benefits minus costs) of each of the first <paramref name="draws"/>
    /// draws to <paramref name="money"/> and <paramref name="welfare"/>, with the uniform numbers from <paramref name="source"/>.
    /// </summary>
    internal void AddNetPresentValues(Uniforms source, int draws, double[] money, double[] welfare)
    {
        var moneyTotals = new double[Block];
        var welfareTotals = new double[Block];
        SetCentral();
        for (var start = 0; start < draws; start += Block)
        {
            var count = Math.Min(Block, draws - start);
            DrawBlock(source, start, moneyTotals, welfareTotals);
            for (var t = 0; t < count; t++)
            {
                money[start + t] += moneyTotals[t] - costs;
                welfare[start + t] += welfareTotals[t] - costs;
            }
        }
    }

    /// <summary>
    /// Draws the block of draws from <paramref name="start"/> into the columns and puts its discounted benefits into
    /// the totals. A whole block even when fewer draws are left: the order of the numbers stays fixed.
    /// </summary>
    private void DrawBlock(Uniforms source, int start, double[] moneyTotals, double[] welfareTotals)
    {
        var effectsU = source.Effects(start);
        var judgementU = source.Judgement(start);
        Span<double> judgementInverseU = stackalloc double[Block];
        for (var t = 0; t < Block; t++)
        {
            judgementInverseU[t] = 1 - judgementU[t];
        }
        foreach (var input in ranged)
        {
            var column = Column(input.Column);
            switch (input.Stream)
            {
                case Stream.Effects:
                    input.Range.Sample(effectsU, column);
                    break;
                case Stream.Judgement:
                    input.Range.Sample(judgementU, column);
                    break;
                case Stream.JudgementInverse:
                    input.Range.Sample(judgementInverseU, column);
                    break;
                case Stream.Presence:
                    Presence(source.Own(), input.AbsenceProbability, column);
                    break;
                case Stream.Common:
                    input.Range.Sample(source.Common(input.Id, start), column);
                    break;
                default:
                    input.Range.Sample(source.Own(), column);
                    break;
            }
        }
        Evaluate(moneyTotals, welfareTotals);
    }

    private Ratio RatioOf(double benefits) => Ratio.FromDecimal(ToDecimal(benefits / costs));

    /// <summary>1 where the uniform number is at least the absence probability, else 0.</summary>
    private static void Presence(ReadOnlySpan<double> uniform, double absence, Span<double> result)
    {
        var width = Vector<double>.Count;
        var threshold = new Vector<double>(absence);
        for (var t = 0; t < uniform.Length; t += width)
        {
            Vector.ConditionalSelect(Vector.GreaterThanOrEqual(new Vector<double>(uniform[t..]), threshold), Vector<double>.One, Vector<double>.Zero).CopyTo(result[t..]);
        }
    }

    /// <summary>The discounted benefits in both views of every slot of the block, at the values in the columns.</summary>
    private void Evaluate(double[] moneyTotals, double[] welfareTotals)
    {
        Array.Clear(moneyTotals);
        Array.Clear(welfareTotals);
        var width = Vector<double>.Count;
        var one = Vector<double>.One;
        var elasticity = Column(elasticityColumn);
        var logCost = new Vector<double>(logRelativeCost);

        // Net effect per participant in the first effect year, per outcome and slot.
        for (var j = 0; j < plan.Outcomes.Length; j++)
        {
            var c = PerOutcome * j;
            var effect = Column(c);
            var deadweight = Column(c + 1);
            var attribution = Column(c + 2);
            var presence = Column(c + 4);
            var outcomeNet = net.AsSpan(j * Block, Block);
            var outcomeAnswers = answers[j];
            for (var t = 0; t < Block; t += width)
            {
                var value = new Vector<double>(effect[t..]) * (one - new Vector<double>(deadweight[t..])) * new Vector<double>(attribution[t..]) * new Vector<double>(presence[t..]);
                foreach (var (column, deviation) in outcomeAnswers)
                {
                    value *= one + new Vector<double>(deviation) * new Vector<double>(Column(column)[t..]);
                }
                if (scaled[j] && logRelativeCost < 0)
                {
                    value *= Vector.Exp(new Vector<double>(elasticity[t..]) * logCost);
                }
                value.CopyTo(outcomeNet[t..]);
            }
        }

        // Mutually exclusive outcomes: together at most the cap, each scaled down in proportion.
        for (var g = 0; g < plan.Groups.Length; g++)
        {
            var members = plan.Groups[g].Members;
            var cap = Column(capStart + g);
            for (var t = 0; t < Block; t += width)
            {
                var sum = Vector<double>.Zero;
                foreach (var m in members)
                {
                    sum += new Vector<double>(net.AsSpan(m * Block + t));
                }
                var capV = new Vector<double>(cap[t..]);
                var factor = Vector.ConditionalSelect(Vector.GreaterThan(sum, capV), capV / sum, one);
                foreach (var m in members)
                {
                    (new Vector<double>(net.AsSpan(m * Block + t)) * factor).CopyTo(net.AsSpan(m * Block + t));
                }
            }
        }

        var people = new Vector<double>(participants);
        for (var j = 0; j < plan.Outcomes.Length; j++)
        {
            var dropOff = Column(PerOutcome * j + 3);
            var outcomeNet = net.AsSpan(j * Block, Block);
            var start = firstYear[j];
            var duration = plan.Outcomes[j].Outcome.DurationYears;
            var outcomeLinks = links[j];
            for (var t = 0; t < Block; t += width)
            {
                var units = new Vector<double>(outcomeNet[t..]) * people;
                var keep = one - new Vector<double>(dropOff[t..]);
                var timeFactor = Vector<double>.Zero;
                var persistence = one;
                for (var k = 0; k < duration; k++)
                {
                    timeFactor += persistence * new Vector<double>(discount[start + k]);
                    persistence *= keep;
                }
                var moneyPerUnit = Vector<double>.Zero;
                var welfarePerUnit = Vector<double>.Zero;
                foreach (var (price, quantity, inMoney, inWelfare) in outcomeLinks)
                {
                    var value = new Vector<double>(quantity) * new Vector<double>(Column(priceStart + price)[t..]);
                    if (inMoney)
                    {
                        moneyPerUnit += value;
                    }
                    if (inWelfare)
                    {
                        welfarePerUnit += value;
                    }
                }
                var amount = units * timeFactor;
                (new Vector<double>(moneyTotals.AsSpan(t)) + amount * moneyPerUnit).CopyTo(moneyTotals.AsSpan(t));
                (new Vector<double>(welfareTotals.AsSpan(t)) + amount * welfarePerUnit).CopyTo(welfareTotals.AsSpan(t));
            }
        }
    }

    /// <summary>The tornado list: each ranged input at its low and high end with all others central, largest swing in the headline ratio first.</summary>
    private Driver[] Drivers(double[] moneyTotals, double[] welfareTotals)
    {
        var drivers = new List<Driver>(ranged.Length);
        for (var first = 0; first < ranged.Length; first += Block / 2)
        {
            var chunk = ranged.AsSpan(first, Math.Min(Block / 2, ranged.Length - first));
            SetCentral();
            for (var r = 0; r < chunk.Length; r++)
            {
                var column = Column(chunk[r].Column);
                column[2 * r] = chunk[r].Low;
                column[(2 * r) + 1] = chunk[r].High;
            }
            Evaluate(moneyTotals, welfareTotals);
            for (var r = 0; r < chunk.Length; r++)
            {
                var input = chunk[r];
                drivers.Add(new Driver(input.Id, input.Label, input.Kind, input.ShownLow, input.ShownHigh,
                    RatioOf(moneyTotals[2 * r]), RatioOf(moneyTotals[(2 * r) + 1])));
            }
        }
        SetCentral();
        drivers.Sort((a, b) => b.Swing.CompareTo(a.Swing));
        return [.. drivers.Take(MaxDrivers)];
    }

    /// <summary>Which random numbers an input is drawn from.</summary>
    private enum Stream
    {
        /// <summary>The project's shared number for effects.</summary>
        Effects,

        /// <summary>The project's shared number for judgement calls (deadweight, drop-off).</summary>
        Judgement,

        /// <summary>One minus the shared judgement number (attribution: low exactly when deadweight is high).</summary>
        JudgementInverse,

        /// <summary>A number of its own, deciding whether the effect occurs.</summary>
        Presence,

        /// <summary>
        /// A number of its own within one project; in a portfolio the same number for every project, as the input
        /// (a price, the intensity elasticity, a cap) has one true value.
        /// </summary>
        Common,

        /// <summary>A number of its own.</summary>
        Own,
    }

    /// <summary>
    /// Where the uniform numbers of a block of <see cref="Block"/> draws come from. A simulation asks, per block, for
    /// the shared effects number, then the shared judgement number, then one column per other input in drawing order.
    /// The spans returned are valid until the next call.
    /// </summary>
    internal abstract class Uniforms
    {
        public abstract ReadOnlySpan<double> Effects(int start);

        public abstract ReadOnlySpan<double> Judgement(int start);

        /// <summary>The numbers of an input with one true value (see <see cref="Stream.Common"/>), by the input's id.</summary>
        public abstract ReadOnlySpan<double> Common(string id, int start);

        public abstract ReadOnlySpan<double> Own();
    }

    /// <summary>One project on its own: every number from one generator, in the order asked.</summary>
    private sealed class OneStream(ulong seed) : Uniforms
    {
        private readonly double[] effects = new double[Block];
        private readonly double[] judgement = new double[Block];
        private readonly double[] own = new double[Block];
        private Xoshiro256x4 random = new(seed);

        public override ReadOnlySpan<double> Effects(int start)
        {
            random.Fill(effects);
            return effects;
        }

        public override ReadOnlySpan<double> Judgement(int start)
        {
            random.Fill(judgement);
            return judgement;
        }

        public override ReadOnlySpan<double> Common(string id, int start) => Own();

        public override ReadOnlySpan<double> Own()
        {
            random.Fill(own);
            return own;
        }
    }

    /// <summary>
    /// One input that varies. <see cref="Low"/> and <see cref="High"/> are the column's values at the ends (for the
    /// tornado); <see cref="ShownLow"/> and <see cref="ShownHigh"/> the same ends as a user reads them.
    /// </summary>
    private sealed record RangedInput(int Column, Stream Stream, string Id, Text Label, Text Kind, decimal ShownLow, decimal ShownHigh,
        double Low, double High, Triangle Range, double AbsenceProbability);

    /// <summary>Inverse CDF of the triangular distribution on [low, high] with mode central.</summary>
    internal static double Triangular(Estimate e, double u)
    {
        Span<double> value = stackalloc double[Vector<double>.Count];
        Span<double> uniform = stackalloc double[Vector<double>.Count];
        uniform.Fill(u);
        new Triangle((double)e.Low, (double)e.Central, (double)e.High).Sample(uniform, value);
        return value[0];
    }

    /// <summary>A triangular distribution on [Low, High] with mode Central, with its constants worked out once.</summary>
    private readonly struct Triangle
    {
        private readonly double low, high, split, lowSpan, highSpan;

        public Triangle(double low, double mode, double high)
        {
            this.low = low;
            this.high = high;
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
