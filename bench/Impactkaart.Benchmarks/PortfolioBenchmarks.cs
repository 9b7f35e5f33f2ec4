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

    [GlobalSetup(Target = nameof(ThousandProjects))]
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

    /// <summary>
    /// The funder page's work for its uncertainty: 1,000 stored project requests as the load test seeds them (every
    /// reference project, eight start years, a third evaluated) validated into inputs, then simulated.
    /// </summary>
    [Benchmark(Description = "funder page: validate 1,000 stored requests, then simulate")]
    public PortfolioUncertainty ThousandStoredRequests()
    {
        var inputs = new PortfolioProject[requests.Length];
        for (var i = 0; i < requests.Length; i++)
        {
            inputs[i] = new PortfolioProject($"project-{i}", ProjectRequestValidator.Validate(model, requests[i]).Value!);
        }
        return PortfolioSimulation.Run(model, inputs, settings);
    }

    private ProjectRequest[] requests = null!;

    [GlobalSetup(Target = nameof(ThousandStoredRequests))]
    public void SetupRequests()
    {
        Setup();
        int[] participants = [12, 25, 40, 60, 80, 120, 200];
        decimal[] costs = [15_000m, 30_000m, 45_000m, 90_000m, 150_000m, 240_000m];
        requests = new ProjectRequest[1_000];
        for (var i = 0; i < requests.Length; i++)
        {
            var reference = model.ReferenceProjects[i % model.ReferenceProjects.Count];
            var evaluated = i % 3 == 0;
            requests[i] = new ProjectRequest
            {
                Name = $"project {i}", ReferenceProject = reference.Id,
                Participants = (participants[i % participants.Length] - (evaluated ? 3 : 0)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Cost = NumberText.Write(costs[i * 5 % costs.Length] * (evaluated ? 1.05m : 1m)),
                Start = new DateOnly(2019 + (i * 7 % 8), 1 + (i % 12), 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Phase = evaluated ? PhaseWord.Evaluation : PhaseWord.Plan,
            };
        }
    }
}
