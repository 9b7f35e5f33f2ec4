using Impactkaart.Engine.Model;

namespace Impactkaart.Engine.Calculation;

/// <summary>
/// A reference project compiled once per model into flat arrays, so one map costs a few microseconds and one
/// Monte Carlo draw well under one. Indices point into the model's payer, domain and profession lists.
/// </summary>
internal sealed class ProjectPlan
{
    public required ReferenceProject Project { get; init; }
    public required OutcomePlan[] Outcomes { get; init; }

    /// <summary>The distinct prices the project moves, for sampling and the tornado list.</summary>
    public required Price[] Prices { get; init; }

    /// <summary>Per question (in the project's order), whether it applies to each outcome.</summary>
    public required bool[][] QuestionApplies { get; init; }

    /// <summary>Groups of mutually exclusive outcomes, as indices into <see cref="Outcomes"/>.</summary>
    public required GroupPlan[] Groups { get; init; }

    public static ProjectPlan Build(ReferenceProject project, IReadOnlyList<Payer> payers, IReadOnlyList<Domain> domains, IReadOnlyList<Profession> professions, EvidencePolicy evidence)
    {
        var prices = project.Outcomes.SelectMany(o => o.Prices).Select(l => l.Price).DistinctBy(p => p.Id).ToArray();
        var outcomes = project.Outcomes.Select(o => new OutcomePlan
        {
            Outcome = o,
            AbsenceProbability = (double)evidence.For(o.Evidence).AbsenceProbability,
            Links = [.. o.Prices.Select(l => new LinkPlan
            {
                Link = l,
                PriceIndex = Array.FindIndex(prices, p => p.Id == l.Price.Id),
                PayerIndex = IndexOf(payers, l.Price.Payer),
                DomainIndex = IndexOf(domains, l.Price.Domain),
                Kind = l.Price.Kind,
                ValuePerUnit = l.Quantity * l.Price.Value.Central,
                Labour = [.. l.Price.Labour.Select(c => (IndexOf(professions, c.Profession), l.Quantity * c.HoursPerUnit.Central))],
            })],
        }).ToArray();
        var applies = project.Questions
            .Select(q => project.Outcomes.Select(o => q.AppliesTo.Count == 0 || q.AppliesTo.Contains(o.Id)).ToArray())
            .ToArray();
        var groups = project.ExclusiveGroups
            .Select(g => new GroupPlan { Group = g, Members = [.. g.Outcomes.Select(id => Array.FindIndex(outcomes, o => o.Outcome.Id == id))] })
            .ToArray();
        return new ProjectPlan { Project = project, Outcomes = outcomes, Prices = prices, QuestionApplies = applies, Groups = groups };
    }

    private static int IndexOf<T>(IReadOnlyList<T> list, T item) where T : class
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], item))
            {
                return i;
            }
        }
        throw new InvalidOperationException("A resolved model item is missing from its list.");
    }
}

internal sealed class OutcomePlan
{
    public required Outcome Outcome { get; init; }
    public required LinkPlan[] Links { get; init; }

    /// <summary>The chance that this outcome's effect is absent in a simulation draw, set by its evidence grade.</summary>
    public required double AbsenceProbability { get; init; }
}

internal sealed class GroupPlan
{
    public required ExclusiveGroup Group { get; init; }
    public required int[] Members { get; init; }
}

internal sealed class LinkPlan
{
    public required PriceLink Link { get; init; }
    public required int PriceIndex { get; init; }
    public required int PayerIndex { get; init; }
    public required int DomainIndex { get; init; }
    public required PriceKind Kind { get; init; }

    /// <summary>Counted in the money view (the headline): real resources and transfers, never wellbeing values.</summary>
    public bool InMoney => Kind != PriceKind.Wellbeing;

    /// <summary>Counted in the welfare view: real resources and wellbeing values, never transfers.</summary>
    public bool InWelfare => Kind != PriceKind.Transfer;

    /// <summary>Euros (at the central price) per unit of the outcome's effect.</summary>
    public required decimal ValuePerUnit { get; init; }

    /// <summary>Hours per unit of the outcome's effect, per profession index.</summary>
    public required (int Profession, decimal Hours)[] Labour { get; init; }
}
