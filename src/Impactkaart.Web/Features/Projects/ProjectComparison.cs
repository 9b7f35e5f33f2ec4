using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Features.Shared;

namespace Impactkaart.Web.Features.Projects;

/// <summary>The differences between a project's plan and its evaluation, explained in plain words in the page's language.</summary>
public static class ProjectComparison
{
    /// <summary>
    /// <paramref name="planOutcomes"/> are the plan map's outcomes: a measured value is compared with the plan's gross
    /// effect per participant (the reference effect after the plan's answers and intensity), the very figure the plan's
    /// map and step 3 show, since a measured value is gross too.
    /// </summary>
    public static List<string> Explain(ProjectInput plan, ProjectInput evaluation, IReadOnlyList<OutcomeFigures> planOutcomes, Figures planFigures, Figures evaluationFigures, RequestLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(planOutcomes);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(planFigures);
        ArgumentNullException.ThrowIfNull(evaluationFigures);
        ArgumentNullException.ThrowIfNull(lang);
        var f = lang.Formats;
        var lines = new List<string>();

        var participants = evaluation.Participants - plan.Participants;
        lines.Add(participants switch
        {
            < 0 => lang.T($"Er deden {-participants} deelnemers minder mee dan gepland ({evaluation.Participants} in plaats van {plan.Participants}).",
                $"{-participants} fewer participants took part than planned ({evaluation.Participants} instead of {plan.Participants})."),
            > 0 => lang.T($"Er deden {participants} deelnemers meer mee dan gepland ({evaluation.Participants} in plaats van {plan.Participants}).",
                $"{participants} more participants took part than planned ({evaluation.Participants} instead of {plan.Participants})."),
            _ => lang.T($"Er deden evenveel deelnemers mee als gepland ({plan.Participants}).", $"As many participants took part as planned ({plan.Participants})."),
        });

        var costs = evaluation.Costs.Total.Euros - plan.Costs.Total.Euros;
        lines.Add(costs switch
        {
            < 0 => lang.T($"De kosten waren {f.Amount(-costs)} lager dan gepland.", $"The costs were {f.Amount(-costs)} lower than planned."),
            > 0 => lang.T($"De kosten waren {f.Amount(costs)} hoger dan gepland.", $"The costs were {f.Amount(costs)} higher than planned."),
            _ => lang.T("De kosten waren gelijk aan het plan.", "The costs were as planned."),
        });

        foreach (var outcome in evaluation.ReferenceProject.Outcomes.Where(o => evaluation.Measured.ContainsKey(o.Id)))
        {
            var measured = evaluation.Measured[outcome.Id];
            var planned = planOutcomes.FirstOrDefault(o => o.Outcome.Id == outcome.Id);
            var assumed = planned?.GrossEffectPerParticipant ?? outcome.Effect.Central;
            var word = planned?.Measured == true ? ("mat", "measured") : ("verwachtte", "expected");
            lines.Add(lang.T(
                $"Gemeten in plaats van aangenomen: {outcome.Label.Nl}: {f.Count(measured, outcome.Unit)} per deelnemer, bruto (het plan {word.Item1} {f.Auto(assumed)}).",
                $"Measured instead of assumed: {outcome.Label.En}: {f.Count(measured, outcome.Unit)} per participant, gross (the plan {word.Item2} {f.Auto(assumed)})."));
        }

        if (plan.ReferenceProject.Id == evaluation.ReferenceProject.Id)
        {
            foreach (var question in evaluation.ReferenceProject.Questions)
            {
                var (a, b) = (plan.AnswerTo(question), evaluation.AnswerTo(question));
                if (a.Id != b.Id)
                {
                    lines.Add(lang.T($"Anders gewerkt dan gepland: {lang[question.Label]} {lang[b.Label]} in plaats van {lang[a.Label]}.",
                        $"Worked differently than planned: {lang[question.Label]} {lang[b.Label]} instead of {lang[a.Label]}."));
                }
            }
        }

        var benefits = evaluationFigures.Benefits - planFigures.Benefits;
        if (benefits != 0)
        {
            lines.Add(benefits < 0
                ? lang.T($"De baten waren daardoor {f.Amount(-benefits)} lager.", $"The benefits were therefore {f.Amount(-benefits)} lower.")
                : lang.T($"De baten waren daardoor {f.Amount(benefits)} hoger.", $"The benefits were therefore {f.Amount(benefits)} higher."));
        }
        if (planFigures.Ratio is { } planRatio && evaluationFigures.Ratio is { } evaluationRatio && Math.Abs(planRatio - evaluationRatio) >= 0.005)
        {
            lines.Add(lang.T($"Elke euro leverde {f.Money((decimal)evaluationRatio)} op in plaats van de geplande {f.Money((decimal)planRatio)}.",
                $"Every euro returned {f.Money((decimal)evaluationRatio)} instead of the planned {f.Money((decimal)planRatio)}."));
        }
        return lines;
    }
}
