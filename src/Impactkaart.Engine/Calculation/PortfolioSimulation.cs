using System.Collections.Concurrent;
using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Engine.Calculation;

/// <summary>One project of a portfolio: its validated input, and a key that names it uniquely within the portfolio (such as its id).</summary>
public sealed record PortfolioProject(string Key, ProjectInput Input);

/// <summary>
/// The uncertainty of a portfolio's total, from one simulation over all its projects: in the money view (the
/// headline) and in the welfare view.
/// </summary>
public sealed record PortfolioUncertainty(int Projects, int Draws, ulong Seed, PortfolioSpread Headline, PortfolioSpread Welfare);

/// <summary>
/// The total net present value (benefits minus costs, summed over the projects) at the 10th, 50th and 90th
/// percentile of the draws, and the share of draws in which the total is above zero.
/// </summary>
public sealed record PortfolioSpread(Money NetPresentValueP10, Money NetPresentValueP50, Money NetPresentValueP90, Fraction ProbabilityPositive);

/// <summary>
/// The uncertainty of a funder's portfolio: one Monte Carlo simulation over all its projects at once, each draw
/// computing every project with the same formula as its own map, then adding up the projects' net present values.
/// The percentiles are those of that sum, never the sum of the projects' percentiles: projects that are not
/// perfectly alike do not all turn out badly in the same draw.
/// <para>What a draw shares between projects, and what not:</para>
/// <list type="bullet">
/// <item>projects of the same reference project share their effects number and their judgement-call number: when the
/// research behind a kind of project over- or underestimates its effects, it does so for all projects of that kind;
/// projects of different reference projects draw these independently;</item>
/// <item>each price, the intensity elasticity and each cap of mutually exclusive outcomes has one true value, so
/// every project gets the same value of it in a draw;</item>
/// <item>whether a weakly evidenced effect occurs, and how far a step-3 answer deviates, stays each project's own.</item>
/// </list>
/// Each of these numbers comes from a stream of its own, seeded from the seed and the reference project's id, the
/// input's id or the project's key: the same seed gives the same result, in whatever order the projects are listed.
/// A portfolio of one project has the same spread as the project's own map, but from other numbers (there one stream
/// feeds everything), so its percentiles differ from the map's by chance only.
/// </summary>
public static class PortfolioSimulation
{
    /// <summary>
    /// Projects per partial sum. The partial sums run in parallel and are added in a fixed order, so the result
    /// does not depend on the number of cores or on which finishes first.
    /// </summary>
    private const int Chunk = 50;

    /// <summary>
    /// Simulates the portfolio with <see cref="SimulationSettings.Draws"/> draws (at least 1). An empty portfolio
    /// is refused: it has no uncertainty to show, and a total of zero would read as a result. Keys must be unique.
    /// </summary>
    public static PortfolioUncertainty Run(ImpactModel model, IReadOnlyList<PortfolioProject> projects, SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(projects);
        ArgumentNullException.ThrowIfNull(settings);
        if (projects.Count == 0)
        {
            throw new ArgumentException("A portfolio needs at least one project.", nameof(projects));
        }
        if (settings.Draws < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Draws, "A portfolio simulation needs at least 1 draw.");
        }
        // Sorted by key, so that the sums (in doubles) are added in the same order whatever the list's order.
        var sorted = projects.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Key == sorted[i - 1].Key)
            {
                throw new ArgumentException($"Two projects have the key '{sorted[i].Key}'; keys must be unique.", nameof(projects));
            }
        }

        var draws = settings.Draws;
        var length = (draws + MonteCarlo.Block - 1) / MonteCarlo.Block * MonteCarlo.Block;
        var shared = new SharedNumbers(settings.Seed, length);
        var partial = new (double[] Money, double[] Welfare)[(sorted.Length + Chunk - 1) / Chunk];
        Parallel.For(0, partial.Length, c =>
        {
            var sums = (Money: new double[draws], Welfare: new double[draws]);
            foreach (var project in sorted.AsSpan(c * Chunk, Math.Min(Chunk, sorted.Length - (c * Chunk))))
            {
                var simulation = ImpactCalculator.Simulation(model, project.Input);
                var source = new ProjectNumbers(shared, project.Input.ReferenceProject.Id, StreamSeed(settings.Seed, "project:" + project.Key));
                simulation.AddNetPresentValues(source, draws, sums.Money, sums.Welfare);
            }
            partial[c] = sums;
        });
        var (money, welfare) = partial[0];
        foreach (var (moneySums, welfareSums) in partial.Skip(1))
        {
            for (var d = 0; d < draws; d++)
            {
                money[d] += moneySums[d];
                welfare[d] += welfareSums[d];
            }
        }
        return new PortfolioUncertainty(sorted.Length, draws, settings.Seed, Spread(money), Spread(welfare));
    }

    private static PortfolioSpread Spread(double[] totals)
    {
        var above = 0;
        foreach (var total in totals)
        {
            above += total > 0 ? 1 : 0;
        }
        return new PortfolioSpread(
            Money.FromEuros(ToDecimal(MonteCarlo.Percentile(totals, 0.10))),
            Money.FromEuros(ToDecimal(MonteCarlo.Percentile(totals, 0.50))),
            Money.FromEuros(ToDecimal(MonteCarlo.Percentile(totals, 0.90))),
            Fraction.FromDecimal((decimal)above / totals.Length));
    }

    private static decimal ToDecimal(double value) => Math.Round((decimal)value, 6);

    /// <summary>
    /// The seed of the stream named <paramref name="name"/>: its FNV-1a hash mixed with the seed. Stable across
    /// processes and .NET versions, unlike <see cref="string.GetHashCode()"/>.
    /// </summary>
    private static ulong StreamSeed(ulong seed, string name)
    {
        // Wrap-around is the hash, not an error.
        unchecked
        {
            var hash = 14695981039346656037UL;
            foreach (var c in name)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }
            return hash ^ (seed * 0x9E3779B97F4A7C15UL);
        }
    }

    /// <summary>
    /// The numbers shared between projects, for all draws, each drawn the first time a project asks for it. Safe
    /// for the parallel partial sums: should two ask at once, both draw the same numbers and one copy is kept.
    /// </summary>
    private sealed class SharedNumbers(ulong seed, int length)
    {
        private readonly ConcurrentDictionary<string, (double[] Effects, double[] Judgement)> references = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, double[]> common = new(StringComparer.Ordinal);

        /// <summary>A reference project's effects and judgement numbers, block by block from one stream as in a single map.</summary>
        public (double[] Effects, double[] Judgement) Reference(string id) => references.GetOrAdd(id, id =>
        {
            var numbers = (Effects: new double[length], Judgement: new double[length]);
            var random = new Xoshiro256x4(StreamSeed(seed, "reference:" + id));
            for (var start = 0; start < length; start += MonteCarlo.Block)
            {
                random.Fill(numbers.Effects.AsSpan(start, MonteCarlo.Block));
                random.Fill(numbers.Judgement.AsSpan(start, MonteCarlo.Block));
            }
            return numbers;
        });

        /// <summary>The numbers of an input with one true value, by the input's id.</summary>
        public double[] Common(string id) => common.GetOrAdd(id, id =>
        {
            var numbers = new double[length];
            new Xoshiro256x4(StreamSeed(seed, "common:" + id)).Fill(numbers);
            return numbers;
        });
    }

    /// <summary>One project's numbers: the shared ones of its reference project and of the common inputs, and a stream of its own for the rest.</summary>
    private sealed class ProjectNumbers : MonteCarlo.Uniforms
    {
        private readonly SharedNumbers shared;
        private readonly double[] effects;
        private readonly double[] judgement;
        private readonly double[] own = new double[MonteCarlo.Block];
        private Xoshiro256x4 random;

        public ProjectNumbers(SharedNumbers shared, string referenceProject, ulong seed)
        {
            this.shared = shared;
            (effects, judgement) = shared.Reference(referenceProject);
            random = new Xoshiro256x4(seed);
        }

        public override ReadOnlySpan<double> Effects(int start) => effects.AsSpan(start, MonteCarlo.Block);

        public override ReadOnlySpan<double> Judgement(int start) => judgement.AsSpan(start, MonteCarlo.Block);

        public override ReadOnlySpan<double> Common(string id, int start) => shared.Common(id).AsSpan(start, MonteCarlo.Block);

        public override ReadOnlySpan<double> Own()
        {
            random.Fill(own);
            return own;
        }
    }
}
