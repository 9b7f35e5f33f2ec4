using BenchmarkDotNet.Attributes;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Benchmarks;

/// <summary>One map of the budget-coaching example: without Monte Carlo, and with the default 10,000 draws.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private ImpactModel model = null!;
    private ProjectInput input = null!;
    private readonly SimulationSettings none = SimulationSettings.None;
    private readonly SimulationSettings tenThousand = new(10_000, SimulationSettings.DefaultSeed);

    [GlobalSetup]
    public void Setup()
    {
        model = ModelLoader.Shipped;
        input = ProjectInput.ForReference(model, model.FindReferenceProject("budgetcoaching")!, 80, Money.FromEuros(90_000m));
    }

    [Benchmark(Description = "map without Monte Carlo")]
    public ImpactMap MapWithoutMonteCarlo() => ImpactCalculator.Compute(model, input, none);

    [Benchmark(Description = "map with 10,000 draws")]
    public ImpactMap MapWithTenThousandDraws() => ImpactCalculator.Compute(model, input, tenThousand);
}
