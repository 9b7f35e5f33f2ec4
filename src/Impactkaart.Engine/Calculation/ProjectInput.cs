using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Engine.Calculation;

/// <summary>Before the project (plan, ex ante) or after it (evaluation, ex post, with measured outcomes).</summary>
public enum Phase
{
    Plan,
    Evaluation,
}

/// <summary>
/// The phase as one word, the same in both languages because it is data, not text: in project files, map JSON,
/// addresses and the database. Reading also takes the English and Latin words.
/// </summary>
public static class PhaseWord
{
    public const string Plan = "plan";
    public const string Evaluation = "evaluatie";

    public static string Of(Phase phase) => phase == Phase.Evaluation ? Evaluation : Plan;

    /// <summary>The phase a word names, or null when it names none (an empty word included).</summary>
    public static Phase? Parse(string? word) => word?.Trim().ToUpperInvariant() switch
    {
        "PLAN" or "EX-ANTE" => Phase.Plan,
        "EVALUATIE" or "EVALUATION" or "EX-POST" => Phase.Evaluation,
        _ => null,
    };
}

/// <summary>
/// The project's costs in euros at the model price level. Either only a total, or the four categories
/// (staff, volunteers' expenses, material, overhead) whose sum is the total.
/// </summary>
public sealed record ProjectCosts(Money Total, Money? Staff, Money? Volunteers, Money? Material, Money? Overhead)
{
    public bool HasCategories => Staff is not null;

    public static ProjectCosts FromTotal(Money total) => new(total, null, null, null, null);

    public static ProjectCosts FromCategories(Money staff, Money volunteers, Money material, Money overhead) =>
        new(staff + volunteers + material + overhead, staff, volunteers, material, overhead);

    /// <summary>Every amount multiplied by <paramref name="factor"/>.</summary>
    public ProjectCosts Scaled(decimal factor) =>
        new(Total * factor, Staff * factor, Volunteers * factor, Material * factor, Overhead * factor);
}

/// <summary>A validated project: every value within its documented bounds, every id resolved against the model.</summary>
public sealed record ProjectInput(
    ReferenceProject ReferenceProject,
    string? Name,
    DateOnly? Start,
    int Months,
    int Participants,
    ProjectCosts Costs,
    Hours? OwnHours,
    IReadOnlyDictionary<string, QuestionOption> Answers,
    Phase Phase,
    IReadOnlyDictionary<string, decimal> Measured,
    Fraction DiscountRate)
{
    /// <summary>The chosen option for a question, or the reference option when none was given.</summary>
    public QuestionOption AnswerTo(Question question) => Answers.GetValueOrDefault(question.Id) ?? question.Reference;

    /// <summary>A project with the reference project's answers, no measured outcomes and the model's default discount rate.</summary>
    public static ProjectInput ForReference(ImpactModel model, ReferenceProject project, int participants, Money cost, int? months = null) =>
        new(project, null, null, months ?? project.TypicalDurationMonths, participants, ProjectCosts.FromTotal(cost), null,
            new Dictionary<string, QuestionOption>(), Phase.Plan, new Dictionary<string, decimal>(),
            Fraction.FromDecimal(model.DiscountRate.Central));
}

/// <summary>How the uncertainty is simulated: the number of Monte Carlo draws (0 for none) and the seed that makes it repeatable.</summary>
public sealed record SimulationSettings(int Draws, ulong Seed)
{
    /// <summary>The seed used when none is given: results are repeatable by default; nothing is seeded from the clock.</summary>
    public const ulong DefaultSeed = 20_201_225;

    public static SimulationSettings None => new(0, DefaultSeed);
}
