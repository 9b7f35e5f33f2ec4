using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Engine.Calculation;

/// <summary>
/// Computes an impact map. Pure: the same model, input and settings always give the same map; no clock, no
/// global random source, no I/O.
/// </summary>
public static class ImpactCalculator
{
    /// <summary>
    /// Computes the map. <paramref name="withTrail"/> adds the calculation trail (one line per outcome, price
    /// item and year, plus the cost lines); leave it off on hot paths.
    /// </summary>
    public static ImpactMap Compute(ImpactModel model, ProjectInput input, SimulationSettings simulation, bool withTrail = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(simulation);
        var plan = model.PlanFor(input.ReferenceProject);
        var timing = Timing.For(input, plan);
        var discount = DiscountTable.For(input.DiscountRate.Value, timing.Horizon);
        var trail = withTrail ? new List<TrailEntry>() : null;
        var intensity = IntensityCheck.For(model, input);

        var yearCosts = new decimal[timing.Horizon];
        var yearBenefits = new decimal[timing.Horizon];
        var yearWelfare = new decimal[timing.Horizon];
        var payerAmounts = new decimal[model.Payers.Count];
        var payerTransfers = new decimal[model.Payers.Count];
        var domainAmounts = new decimal[model.Domains.Count];
        var hours = new decimal[model.Professions.Count];
        var outcomeFigures = new OutcomeFigures[plan.Outcomes.Length];

        var costs = input.Costs.Total.Euros;
        var costsPv = YearCosts(input, discount, yearCosts);
        for (var y = 0; trail is not null && y * 12 < input.Months; y++)
        {
            var monthsInYear = Math.Min(12, input.Months - y * 12);
            trail.Add(new TrailEntry(y, null, null, input.Participants, 0m, 1m, 0m, 1m, 1m, 1m, monthsInYear,
                Money.FromEuros(costs / input.Months), discount[y], Money.FromEuros(yearCosts[y]), []));
        }

        var effects = NetEffects(plan, input, intensity.Factor);
        var wellbeingTotal = 0m;
        for (var j = 0; j < plan.Outcomes.Length; j++)
        {
            var op = plan.Outcomes[j];
            var outcome = op.Outcome;
            var e = effects[j];
            var firstYearUnits = e.Net * input.Participants;
            var start = timing.FirstEffectYear[j];
            var outcomeMoney = 0m;
            var outcomeWelfare = 0m;
            var outcomeWellbeing = 0m;
            var persistence = 1m;
            for (var k = 0; k < outcome.DurationYears; k++)
            {
                var y = start + k;
                var units = firstYearUnits * persistence;
                foreach (var link in op.Links)
                {
                    var amount = units * link.ValuePerUnit * discount[y];
                    if (link.InMoney)
                    {
                        yearBenefits[y] += amount;
                        outcomeMoney += amount;
                        payerAmounts[link.PayerIndex] += amount;
                        domainAmounts[link.DomainIndex] += amount;
                    }
                    if (link.InWelfare)
                    {
                        yearWelfare[y] += amount;
                        outcomeWelfare += amount;
                    }
                    if (link.Kind == PriceKind.Transfer)
                    {
                        payerTransfers[link.PayerIndex] += amount;
                    }
                    else if (link.Kind == PriceKind.Wellbeing)
                    {
                        outcomeWellbeing += amount;
                    }
                    foreach (var (profession, perUnit) in link.Labour)
                    {
                        hours[profession] += units * perUnit;
                    }
                    trail?.Add(new TrailEntry(y, outcome, link.Link.Price, input.Participants, e.Effect, e.Multiplier * e.Intensity * e.Cap,
                        outcome.Deadweight.Central, outcome.Attribution.Central, persistence, link.Link.Quantity,
                        units * link.Link.Quantity, Money.FromEuros(link.Link.Price.Value.Central), discount[y], Money.FromEuros(amount),
                        SourcesOf(outcome, link.Link, e.Measured)));
                }
                persistence *= 1m - outcome.DropOff.Central;
            }
            wellbeingTotal += outcomeWellbeing;
            outcomeFigures[j] = new OutcomeFigures(outcome, e.Gross, e.Net, e.Multiplier, e.Intensity, e.Cap, e.Measured,
                Money.FromEuros(outcomeMoney), Money.FromEuros(outcomeWelfare), Money.FromEuros(outcomeWellbeing),
                e.Measured ? 0m : (decimal)op.AbsenceProbability);
        }

        var benefits = Sum(yearBenefits);
        var welfare = Sum(yearWelfare);
        var costsMoney = Money.FromEuros(costsPv);
        var benefitsMoney = Money.FromEuros(benefits);
        var ratio = Money.RatioOf(benefitsMoney, costsMoney);

        var perYear = new YearFigures[timing.Horizon];
        for (var y = 0; y < timing.Horizon; y++)
        {
            perYear[y] = new YearFigures(y, discount[y], Money.FromEuros(yearCosts[y]), Money.FromEuros(yearBenefits[y]), Money.FromEuros(yearWelfare[y]));
        }

        var evidence = EvidenceCheck.Summarise(outcomeFigures);
        var uncertainty = simulation.Draws > 0
            ? MonteCarlo.Run(model, plan, input, timing, simulation, costsPv, intensity, effects, outcomeFigures, evidence)
            : null;
        return new ImpactMap(
            model.Version,
            input,
            costsMoney,
            benefitsMoney,
            Money.FromEuros(welfare),
            Money.FromEuros(wellbeingTotal),
            ratio,
            Money.RatioOf(Money.FromEuros(welfare), costsMoney),
            benefitsMoney - costsMoney,
            Money.FromEuros(welfare) - costsMoney,
            Payback(yearCosts, yearBenefits),
            benefitsMoney / input.Participants,
            BreakEvenOf(input, costsPv, benefits),
            perYear,
            outcomeFigures,
            ByPayer(model, payerAmounts, payerTransfers),
            ByDomain(model, domainAmounts),
            LabourOf(model, hours),
            OwnHoursOf(model, input),
            uncertainty,
            intensity,
            evidence,
            IntensityCheck.Warnings(input, intensity),
            trail ?? []);
    }

    /// <summary>
    /// The simulation of one project's uncertainty, set up as <see cref="Compute"/> sets it up, for
    /// <see cref="PortfolioSimulation"/>: the same plan, timing, costs, intensity and net effects.
    /// </summary>
    internal static MonteCarlo Simulation(ImpactModel model, ProjectInput input)
    {
        var plan = model.PlanFor(input.ReferenceProject);
        var timing = Timing.For(input, plan);
        var discount = DiscountTable.For(input.DiscountRate.Value, timing.Horizon);
        var intensity = IntensityCheck.For(model, input);
        var costsPv = YearCosts(input, discount, new decimal[timing.Horizon]);
        return new MonteCarlo(model, plan, input, timing, costsPv, intensity, NetEffects(plan, input, intensity.Factor));
    }

    /// <summary>
    /// Costs spread evenly over the project's months, each year's share discounted: fills <paramref name="yearCosts"/>
    /// with each year's present value and returns their sum.
    /// </summary>
    private static decimal YearCosts(ProjectInput input, decimal[] discount, decimal[] yearCosts)
    {
        var costs = input.Costs.Total.Euros;
        var costsPv = 0m;
        for (var y = 0; y * 12 < input.Months; y++)
        {
            var monthsInYear = Math.Min(12, input.Months - y * 12);
            var amount = costs * monthsInYear / input.Months;
            yearCosts[y] = amount * discount[y];
            costsPv += yearCosts[y];
        }
        return costsPv;
    }

    /// <summary>
    /// Per outcome, the effect per participant in the first effect year: gross (before deadweight and attribution)
    /// and net. A plan scales the reference effect by the answers and the intensity; a measured value is the real
    /// project's own gross change, so neither applies to it. Then mutually exclusive outcomes are capped together.
    /// </summary>
    internal static OutcomeEffect[] NetEffects(ProjectPlan plan, ProjectInput input, decimal intensity)
    {
        var effects = new OutcomeEffect[plan.Outcomes.Length];
        for (var j = 0; j < effects.Length; j++)
        {
            var outcome = plan.Outcomes[j].Outcome;
            var measured = input.Measured.TryGetValue(outcome.Id, out var m);
            var multiplier = measured ? 1m : Multiplier(plan, input, j);
            var scale = measured ? 1m : intensity;
            var effect = measured ? m : outcome.Effect.Central;
            var gross = effect * multiplier * scale;
            effects[j] = new OutcomeEffect(effect, multiplier, scale, 1m, measured, gross, gross * (1m - outcome.Deadweight.Central) * outcome.Attribution.Central);
        }
        foreach (var group in plan.Groups)
        {
            var sum = 0m;
            foreach (var member in group.Members)
            {
                sum += effects[member].Net;
            }
            var cap = group.Group.Cap.Central;
            if (sum > cap)
            {
                var factor = cap / sum;
                foreach (var member in group.Members)
                {
                    effects[member] = effects[member] with { Cap = factor, Net = effects[member].Net * factor };
                }
            }
        }
        return effects;
    }

    /// <summary>The product of the chosen answers' multipliers for the questions that apply to outcome <paramref name="outcomeIndex"/>.</summary>
    internal static decimal Multiplier(ProjectPlan plan, ProjectInput input, int outcomeIndex)
    {
        var multiplier = 1m;
        var questions = plan.Project.Questions;
        for (var q = 0; q < questions.Count; q++)
        {
            if (plan.QuestionApplies[q][outcomeIndex] && input.Answers.TryGetValue(questions[q].Id, out var option))
            {
                multiplier *= option.Multiplier;
            }
        }
        return multiplier;
    }

    private static decimal Sum(decimal[] values)
    {
        var sum = 0m;
        foreach (var v in values)
        {
            sum += v;
        }
        return sum;
    }

    /// <summary>
    /// Years from the start until the cumulative discounted benefits reach the cumulative discounted costs, with
    /// flows spread evenly within a year; null if that never happens.
    /// </summary>
    private static Years? Payback(decimal[] costs, decimal[] benefits)
    {
        var cumulative = 0m;
        for (var y = 0; y < costs.Length; y++)
        {
            var net = benefits[y] - costs[y];
            var next = cumulative + net;
            if (next >= 0m && (benefits[y] > 0m || costs[y] > 0m))
            {
                if (y == 0)
                {
                    return Years.FromDecimal(benefits[0] == 0m ? 0m : Math.Min(1m, costs[0] / benefits[0]));
                }
                return Years.FromDecimal(cumulative >= 0m ? y : y + -cumulative / net);
            }
            cumulative = next;
        }
        return null;
    }

    private static BreakEven BreakEvenOf(ProjectInput input, decimal costs, decimal benefits)
    {
        if (benefits <= 0m)
        {
            return new BreakEven(null, null);
        }
        var participants = Math.Ceiling(input.Participants * costs / benefits);
        return new BreakEven(
            participants <= int.MaxValue ? (int)participants : null,
            Ratio.FromDecimal(costs / benefits));
    }

    private static PayerAmount[] ByPayer(ImpactModel model, decimal[] amounts, decimal[] transfers)
    {
        var list = new List<PayerAmount>();
        for (var i = 0; i < amounts.Length; i++)
        {
            if (amounts[i] != 0m)
            {
                list.Add(new PayerAmount(model.Payers[i], Money.FromEuros(amounts[i]), Money.FromEuros(transfers[i])));
            }
        }
        list.Sort((a, b) => b.Amount.CompareTo(a.Amount));
        return [.. list];
    }

    private static DomainAmount[] ByDomain(ImpactModel model, decimal[] amounts)
    {
        var list = new List<DomainAmount>();
        for (var i = 0; i < amounts.Length; i++)
        {
            if (amounts[i] != 0m)
            {
                list.Add(new DomainAmount(model.Domains[i], Money.FromEuros(amounts[i])));
            }
        }
        list.Sort((a, b) => b.Amount.CompareTo(a.Amount));
        return [.. list];
    }

    private static LabourFigures[] LabourOf(ImpactModel model, decimal[] hours)
    {
        var list = new List<LabourFigures>();
        for (var i = 0; i < hours.Length; i++)
        {
            if (hours[i] != 0m)
            {
                var profession = model.Professions[i];
                var h = Hours.FromDecimal(hours[i]);
                list.Add(new LabourFigures(profession, h, h.ToFte(profession.ProductiveHoursPerFteYear.Central)));
            }
        }
        list.Sort((a, b) => b.Hours.CompareTo(a.Hours));
        return [.. list];
    }

    /// <summary>Own hours as given; else estimated from staff costs at a social worker's hourly cost; else unknown.</summary>
    private static OwnHours? OwnHoursOf(ImpactModel model, ProjectInput input)
    {
        var profession = model.OwnProfession;
        if (input.OwnHours is { } given)
        {
            return new OwnHours(given, given.ToFte(profession.ProductiveHoursPerFteYear.Central), Estimated: false);
        }
        if (input.Costs.Staff is { } staff)
        {
            var estimated = Hours.FromDecimal(staff.Euros / profession.HourlyCost.Central);
            return new OwnHours(estimated, estimated.ToFte(profession.ProductiveHoursPerFteYear.Central), Estimated: true);
        }
        return null;
    }

    private static Source[] SourcesOf(Outcome outcome, PriceLink link, bool measured)
    {
        var sources = new List<Source>(4);
        void Add(Basis? basis)
        {
            if (basis?.Source is { } s && !sources.Contains(s))
            {
                sources.Add(s);
            }
        }
        if (!measured)
        {
            Add(outcome.Effect.Basis);
        }
        Add(outcome.Deadweight.Basis);
        Add(outcome.Attribution.Basis);
        Add(link.QuantityBasis);
        Add(link.Price.Value.Basis);
        return [.. sources];
    }
}

/// <summary>One outcome's effect per participant, and the factors that made it.</summary>
internal readonly record struct OutcomeEffect(decimal Effect, decimal Multiplier, decimal Intensity, decimal Cap, bool Measured, decimal Gross, decimal Net);

/// <summary>When each outcome's effect starts, and how many years the map spans.</summary>
internal readonly record struct Timing(int[] FirstEffectYear, int Horizon)
{
    /// <summary>
    /// The average participant starts halfway through the project; an outcome's effect begins
    /// <see cref="Outcome.StartsAfterMonths"/> later, in whole years from the project's start.
    /// </summary>
    public static Timing For(ProjectInput input, ProjectPlan plan)
    {
        var first = new int[plan.Outcomes.Length];
        var horizon = (input.Months + 11) / 12;
        for (var j = 0; j < first.Length; j++)
        {
            var outcome = plan.Outcomes[j].Outcome;
            first[j] = (input.Months / 2 + outcome.StartsAfterMonths) / 12;
            horizon = Math.Max(horizon, first[j] + outcome.DurationYears);
        }
        return new Timing(first, horizon);
    }
}

/// <summary>Discount factors 1 / (1 + r)^y for y = 0, 1, ...; cached for the last rate used, since nearly every map uses the default.</summary>
internal static class DiscountTable
{
    private const int Size = 32;
    private sealed record Table(decimal Rate, decimal[] Factors);

    // A reference swap, so concurrent callers (web requests) never see a torn table.
    private static Table? last;

    public static decimal[] For(decimal rate, int years)
    {
        if (years > Size)
        {
            throw new ArgumentOutOfRangeException(nameof(years), years, $"The map spans at most {Size} years.");
        }
        var cached = last;
        if (cached is not null && cached.Rate == rate)
        {
            return cached.Factors;
        }
        var factors = new decimal[Size];
        factors[0] = 1m;
        for (var y = 1; y < Size; y++)
        {
            factors[y] = factors[y - 1] / (1m + rate);
        }
        last = new Table(rate, factors);
        return factors;
    }
}
