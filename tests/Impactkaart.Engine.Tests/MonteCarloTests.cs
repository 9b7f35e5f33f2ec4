using System.Text.Json.Nodes;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;

namespace Impactkaart.Engine.Tests;

public sealed class MonteCarloTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 2.0)]
    [InlineData(0.999999999, 3.0)]
    public void The_triangular_draw_spans_low_to_high_with_the_mode_at_central(double u, double expected)
    {
        // Symmetric triangle on [1, 3] with mode 2: the inverse CDF maps 0 to 1, 0.5 to 2 and 1 to 3.
        var estimate = new Estimate(2m, 1m, 3m, new Basis(null, new Text("a", "a"), null));

        Assert.Equal(expected, MonteCarlo.Triangular(estimate, u), 4);
    }

    [Fact]
    public void Percentiles_interpolate_between_ranks()
    {
        double[] sorted = [1, 2, 3, 4, 5];

        Assert.Equal(3.0, MonteCarlo.Percentile(sorted, 0.5));
        Assert.Equal(1.4, MonteCarlo.Percentile(sorted, 0.1), 10);
    }

    [Fact]
    public void Without_any_range_every_draw_is_the_central_map()
    {
        // Collapse every range of the tiny model: all percentiles equal the deterministic ratio, and no driver remains.
        var tiny = new TinyModel();
        tiny.Outcome["effect"] = JsonNode.Parse("""{ "central": 2, "source": "bron-a" }""");
        tiny.Outcome["deadweight"] = JsonNode.Parse("""{ "central": 0.25, "source": "bron-a" }""");
        tiny.CarePrice["value"] = JsonNode.Parse("""{ "central": 100, "source": "bron-a" }""");
        var model = tiny.Build();

        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m), draws: 1000);

        Helpers.Near(map.Ratio!.Value.Value, map.Uncertainty!.RatioP10.Value, 0.00001m);
        Helpers.Near(map.Ratio!.Value.Value, map.Uncertainty.RatioP90.Value, 0.00001m);
        Assert.Equal(1m, map.Uncertainty.ProbabilityRatioAboveOne.Value);
        Assert.Empty(map.Uncertainty.Drivers);
    }

    [Fact]
    public void The_tornado_ranks_the_effect_of_the_tiny_project_first_and_shows_the_ratio_at_both_ends()
    {
        // Effect 1..3 around 2 swings the ratio from half to one and a half times the central ratio (1.787 x 0.5 .. x 1.5);
        // deadweight 0.1..0.4 around 0.25 swings it by a factor 0.9/0.75 .. 0.6/0.75; the price 80..120 by 0.8 .. 1.2.
        var model = new TinyModel().Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m), draws: 100);
        var central = map.Ratio!.Value.Value;

        var drivers = map.Uncertainty!.Drivers;
        Assert.Equal(["effect:minder-zorg", "deadweight:minder-zorg", "price:zorg-uur"], drivers.Select(d => d.Id));
        Helpers.Near(central * 0.5m, drivers[0].RatioAtLow.Value, 0.0001m);
        Helpers.Near(central * 1.5m, drivers[0].RatioAtHigh.Value, 0.0001m);
        Helpers.Near(central * 0.9m / 0.75m, drivers[1].RatioAtLow.Value, 0.0001m);
        Helpers.Near(central * 0.8m, drivers[2].RatioAtLow.Value, 0.0001m);
    }

    [Fact]
    public void The_default_ten_thousand_draws_put_the_budget_coaching_median_below_its_central_ratio_but_not_far()
    {
        // The central ratio assumes every effect occurs; the draws leave weakly evidenced effects out in part of the
        // draws, so the median lies below it, but the main effects hold in most draws.
        var model = Helpers.Shipped;
        var map = Helpers.Compute(model, Helpers.Input(model, "budgetcoaching", 80, 90_000m), draws: 10_000);

        Assert.Equal(10_000, map.Uncertainty!.Draws);
        Assert.InRange(map.Uncertainty.RatioP50.Value, map.Ratio!.Value.Value * 0.6m, map.Ratio.Value.Value);
        Assert.True(map.Uncertainty.RatioP10.Value < map.Ratio.Value.Value);
        Assert.True(map.Uncertainty.RatioP90.Value > map.Ratio.Value.Value);
    }

    [Fact]
    public void The_generator_is_the_published_xoshiro256_star_star_sequence()
    {
        // Seeded through SplitMix64 from 0, the outputs must never change between releases: a saved seed must
        // reproduce the same map. Values computed with an independent transcription of the reference C code.
        var random = new Xoshiro256(0);

        Assert.Equal(
            [0x99ec5f36cb75f2b4UL, 0xbf6e1f784956452aUL, 0x1a5f849d4933e6e0UL],
            [random.NextUInt64(), random.NextUInt64(), random.NextUInt64()]);
    }

    [Fact]
    public void Each_simd_lane_is_the_published_sequence_after_its_number_of_jumps()
    {
        // Lane 0 is the plain generator, lane 1 one jump of 2^128 further, lane 3 three (values from the reference code).
        var lanes = new Xoshiro256x4(0);

        var first = lanes.Next();

        Assert.Equal(0x99ec5f36cb75f2b4UL, first[0]);
        Assert.Equal(0x376215edc846d62cUL, first[1]);
        Assert.Equal(0xbc0c1d31202081a8UL, first[3]);
        Assert.Equal(0xbf6e1f784956452aUL, lanes.Next()[0]);
    }

    [Fact]
    public void Uniform_numbers_lie_in_zero_to_one_and_average_a_half()
    {
        var lanes = new Xoshiro256x4(7);
        var uniform = new double[40_000];

        lanes.Fill(uniform);

        Assert.All(uniform, u => Assert.InRange(u, 0.0, 0.9999999999999999));
        Assert.InRange(uniform.Average(), 0.495, 0.505);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(11)]
    [InlineData(10_000)]
    public void Percentiles_by_selection_equal_those_of_the_sorted_sample(int size)
    {
        // Many ties too (rounded values): selection must handle equal values as the sort does.
        var random = new Random(size);
        var sample = Enumerable.Range(0, size).Select(_ => Math.Round(random.NextDouble() * 50)).ToArray();
        var sorted = sample.Order().ToArray();

        foreach (var q in new[] { 0.0, 0.1, 0.5, 0.9, 1.0 })
        {
            var position = q * (size - 1);
            var lower = (int)position;
            var upper = Math.Min(lower + 1, size - 1);
            var expected = sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));

            Assert.Equal(expected, MonteCarlo.Percentile(sample, q), 12);
        }
    }
}
