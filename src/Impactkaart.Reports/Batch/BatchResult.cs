using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;

namespace Impactkaart.Reports.Batch;

/// <summary>One row's outcome: the map's headline figures, or the problems that kept it from being computed.</summary>
public sealed record BatchResult(int Line, string? Name, string? ReferenceProject, ImpactMap? Map, IReadOnlyList<(string Column, Text Message)> Problems)
{
    public bool IsComputed => Map is not null;

    /// <summary>All problems of the row as one text: "column: message | column: message".</summary>
    public string Describe(Language language) => string.Join(" | ", Problems.Select(p => $"{p.Column}: {p.Message[language]}"));
}

/// <summary>Validates and computes rows with one model and one simulation setting (no Monte Carlo by default).</summary>
public sealed class BatchComputer(ImpactModel model, SimulationSettings simulation, IReadOnlyList<BatchColumns.Mapped> columns)
{
    public SimulationSettings Simulation => simulation;

    public BatchResult Compute(BatchRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var request = row.Request;
        var validated = ProjectRequestValidator.Validate(model, request);
        var errors = row.Problems.Concat(validated.Errors)
            .Select(e => (BatchColumns.HeaderFor(e.Field, columns), e.ForTyping))
            .ToList();
        if (errors.Count > 0 || !validated.IsValid)
        {
            return new BatchResult(row.Line, request.Name, request.ReferenceProject, null, errors);
        }
        var map = ImpactCalculator.Compute(model, validated.Value!, simulation);
        return new BatchResult(row.Line, request.Name, validated.Value!.ReferenceProject.Id, map, []);
    }
}
