using BenchmarkDotNet.Attributes;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Benchmarks;

/// <summary>
/// The uncertainty of a funder's portfolio of 1,000 projects, spread over all shipped reference projects at sizes
/// around their typical ones, every other project with step-3 answers, at the model's default draws.
/// </summary>
[MemoryDiagnoser]
public class PortfolioBenchmarks
{
    private ImpactModel model = null!;
    private PortfolioProject[] projects = null!;
    private SimulationSettings settings = null!;

    [GlobalSetup]
    public void Setup()
    {
        model = ModelLoader.Shipped;
        settings = new SimulationSettings(model.DefaultDraws, SimulationSettings.DefaultSeed);
        var references = model.ReferenceProjects;
        projects = new PortfolioProject[1_000];
        for (var i = 0; i < projects.Length; i++)
        {
            var reference = references[i % references.Count];
            var participants = Math.Max(1, reference.TypicalParticipants * (5 + (i % 10)) / 10);
            var cost = Money.FromEuros(participants * reference.TypicalCostPerParticipant.Central * (0.8m + (i % 5 / 10m)));
            var input = ProjectInput.ForReference(model, reference, participants, cost);
            if (i % 2 == 1)
            {
                // The first option that is not the reference: its deviation is drawn per project.
                input = input with { Answers = reference.Questions.ToDictionary(q => q.Id, q => q.Options.First(o => !o.IsReference)) };
            }
            projects[i] = new PortfolioProject($"project-{i}", input);
        }
    }

    [Benchmark(Description = "portfolio of 1,000 projects, default draws")]
    public PortfolioUncertainty ThousandProjects() => PortfolioSimulation.Run(model, projects, settings);
}
