using Impactkaart.Engine.Calculation;

namespace Impactkaart.Engine.Tests;

/// <summary>Bad input becomes a message per field, in Dutch and English, naming what is allowed; never an exception.</summary>
public sealed class InputValidationTests
{
    public static TheoryData<string, Action<ProjectRequest>, string, string> BadInputs() => new()
    {
        { "unknown reference project", r => r.ReferenceProject = "bestaat-niet", "referenceProject", "Mogelijk zijn: Buurtbemiddeling, Huisbezoeken aan ouderen, " },
        { "no reference project", r => r.ReferenceProject = null, "referenceProject", "Kies het referentieproject dat het meest op uw project lijkt" },
        { "zero participants", r => r.Participants = "0", "participants", "tussen 1 en 1.000.000" },
        { "negative participants", r => r.Participants = "-5", "participants", "tussen 1 en 1.000.000" },
        { "fractional participants", r => r.Participants = "2,5", "participants", "geen heel getal" },
        { "participants not a number", r => r.Participants = "veel", "participants", "geen heel getal" },
        { "no participants", r => r.Participants = null, "participants", "vul een heel getal in" },
        { "negative cost", r => r.Cost = "-100", "cost", "tussen 0 en 1.000.000.000" },
        { "absurd cost", r => r.Cost = "2000000000", "cost", "tussen 0 en 1.000.000.000" },
        { "zero cost", r => r.Cost = "0", "cost", "groter dan 0" },
        { "cost not a number", r => r.Cost = "negentigduizend", "cost", "geen bedrag" },
        { "no cost at all", r => r.Cost = null, "cost", "1.125 euro per deelnemer" },
        { "total and categories at once", r => r.StaffCost = "100", "cost", "niet allebei" },
        { "duration of zero months", r => r.Months = "0", "months", "tussen 1 en 120" },
        { "duration beyond ten years", r => r.Months = "121", "months", "tussen 1 en 120" },
        { "unknown question", r => r.Answers["kleur"] = "rood", "answers.kleur", "('kleur') die niet bij Budgetcoaching hoort. De vragen zijn: Hoe vaak en hoe lang" },
        { "missing answer", r => r.Answers["intensiteit"] = null, "answers.intensiteit", "Kies uit: Minder intensief, Zoals het referentieproject, Intensiever." },
        { "unknown answer", r => r.Answers["intensiteit"] = "heel-veel", "answers.intensiteit", "Kies uit: Minder intensief, Zoals het referentieproject, Intensiever." },
        { "unknown phase", r => r.Phase = "later", "phase", "plan of evaluatie" },
        { "measured outcome in the plan phase", r => r.Measured["kortere-bijstand"] = "2", "measured", "evaluatie" },
        { "unknown measured outcome", r => { r.Phase = "evaluatie"; r.Measured["geluk"] = "2"; }, "measured.geluk", "De uitkomsten zijn: Kortere bijstandsafhankelijkheid, " },
        { "negative measured outcome", r => { r.Phase = "evaluatie"; r.Measured["kortere-bijstand"] = "-1"; }, "measured.kortere-bijstand", "tussen 0 en" },
        { "date that does not parse", r => r.Start = "31-02-2026", "start", "geen geldige datum; schrijf dag-maand-jaar, bijvoorbeeld 1-9-2026" },
        { "over-long name", r => r.Name = new string('x', 201), "name", "De naam is te lang: 201 tekens, en er passen er 200." },
        { "absurd discount rate", r => r.DiscountRate = "25", "discountRate", "tussen 0 en 10" },
        { "negative own hours", r => r.OwnHours = "-3", "ownHours", "tussen 0 en" },
        { "staff hours without a rate", r => { r.Cost = null; r.StaffHours = "100"; }, "costs.staffRate", "vul het uurtarief in" },
        { "staff hours and a staff amount", r => { r.Cost = null; r.StaffHours = "100"; r.StaffRate = "60"; r.StaffCost = "6000"; }, "costs.staff", "niet allebei" },
        { "absurd staff rate", r => { r.Cost = null; r.StaffHours = "100"; r.StaffRate = "20000"; }, "costs.staffRate", "niet aannemelijk" },
        { "file from another model version", r => r.ModelVersion = "0.9.0", "modelVersion", "gemaakt met model 0.9.0" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_gets_a_dutch_message_naming_the_field(string what, Action<ProjectRequest> change, string field, string dutchFragment)
    {
        var request = Valid();
        change(request);

        var result = ProjectRequestValidator.Validate(Helpers.Shipped, request);

        Assert.False(result.IsValid, what);
        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors, e => e.Field == field);
        Assert.Contains(dutchFragment, error.Message.Nl, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.Message.En));
    }

    [Fact]
    public void An_unknown_reference_project_does_not_also_blame_the_duration_the_user_left_to_it()
    {
        var request = Valid();
        request.ReferenceProject = "onbekend";
        request.Months = null;

        var result = ProjectRequestValidator.Validate(Helpers.Shipped, request);

        Assert.Equal("referenceProject", Assert.Single(result.Errors).Field);
    }

    public static TheoryData<string, Action<ProjectRequest>, string, string> ChoicesByName() => new()
    {
        // what, change, the message's field, the choices as typed where ids are typed (command line, files, API)
        { "unknown reference project", r => r.ReferenceProject = "bestaat-niet", "referenceProject", "Buurtbemiddeling (buurtbemiddeling), Huisbezoeken aan ouderen (huisbezoek-ouderen)" },
        { "no reference project", r => r.ReferenceProject = null, "referenceProject", "Budgetcoaching (budgetcoaching)" },
        { "unknown question", r => r.Answers["kleur"] = "rood", "answers.kleur", "(intensiteit)" },
        { "missing answer", r => r.Answers["intensiteit"] = null, "answers.intensiteit", "Minder intensief (minder), Zoals het referentieproject (zoals-referentie), Intensiever (meer)" },
        { "unknown answer", r => r.Answers["intensiteit"] = "heel-veel", "answers.intensiteit", "Minder intensief (minder)" },
        { "unknown measured outcome", r => { r.Phase = "evaluatie"; r.Measured["geluk"] = "2"; }, "measured.geluk", "Kortere bijstandsafhankelijkheid (kortere-bijstand)" },
    };

    [Theory]
    [MemberData(nameof(ChoicesByName))]
    public void Choices_are_named_as_the_forms_show_them_and_with_their_ids_where_ids_are_typed(string what, Action<ProjectRequest> change, string field, string typed)
    {
        var request = Valid();
        change(request);

        var result = ProjectRequestValidator.Validate(Helpers.Shipped, request);

        Assert.False(result.IsValid, what);
        var error = Assert.Single(result.Errors, e => e.Field == field);
        // The web shows the names only: no id of a reference project, question, answer or outcome in its message.
        foreach (var id in new[] { "(budgetcoaching)", "buurtbemiddeling", "zoals-referentie", "(intensiteit)", "kortere-bijstand", "doelgroep-zwaarte" })
        {
            Assert.DoesNotContain(id, error.Message.Nl, StringComparison.Ordinal);
            Assert.DoesNotContain(id, error.Message.En, StringComparison.Ordinal);
        }
        Assert.Contains(typed, error.ForTyping.Nl, StringComparison.Ordinal);
        foreach (var id in System.Text.RegularExpressions.Regex.Matches(typed, "\\([a-z-]+\\)").Select(m => m.Value))
        {
            Assert.Contains(id, error.ForTyping.En, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_field_error_is_reported_at_once()
    {
        var request = Valid();
        request.Participants = "0";
        request.Months = "999";
        request.Answers["intensiteit"] = "x";

        var result = ProjectRequestValidator.Validate(Helpers.Shipped, request);

        Assert.Equal(["answers.intensiteit", "months", "participants"], result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("90000", 90000)]
    [InlineData("90000,50", 90000.50)]
    [InlineData("90000.50", 90000.50)]
    [InlineData("€ 90000", 90000)]
    [InlineData(" 1500 ", 1500)]
    public void Costs_are_read_with_a_comma_or_a_point_for_decimals(string text, decimal expected)
    {
        var request = Valid();
        request.Cost = text;

        var result = ProjectRequestValidator.Validate(Helpers.Shipped, request);

        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Value!.Costs.Total.Euros);
    }

    [Fact]
    public void Staff_hours_times_rate_make_the_staff_costs_and_the_projects_own_hours()
    {
        // 1,000 hours x 65 euro = 65,000 staff + 25,000 material = 90,000; own hours default to the staff hours.
        var request = Valid();
        request.Cost = null;
        request.StaffHours = "1000";
        request.StaffRate = "65";
        request.MaterialCost = "25000";

        var input = ProjectRequestValidator.Validate(Helpers.Shipped, request).Value!;

        Assert.Equal(65_000m, input.Costs.Staff!.Value.Euros);
        Assert.Equal(90_000m, input.Costs.Total.Euros);
        Assert.Equal(1000m, input.OwnHours!.Value.Value);
    }

    [Fact]
    public void Answers_and_defaults_are_taken_from_the_reference_project()
    {
        var request = Valid();
        request.Months = null;
        request.Answers["intensiteit"] = "meer";

        var input = ProjectRequestValidator.Validate(Helpers.Shipped, request).Value!;

        Assert.Equal(12, input.Months);
        Assert.Equal(0.0225m, input.DiscountRate.Value);
        var project = input.ReferenceProject;
        Assert.Equal("meer", input.AnswerTo(project.Questions.Single(q => q.Id == "intensiteit")).Id);
        Assert.True(input.AnswerTo(project.Questions.Single(q => q.Id == "uitvoering")).IsReference);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("veel")]
    [InlineData("100001")]
    public void Bad_simulation_settings_are_refused(string draws)
    {
        var request = Valid();
        request.Draws = draws;

        var result = ProjectRequestValidator.ValidateSimulation(Helpers.Shipped, request);

        Assert.Equal("draws", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Simulation_settings_default_to_the_models_draws_and_a_fixed_seed()
    {
        var result = ProjectRequestValidator.ValidateSimulation(Helpers.Shipped, Valid());

        Assert.Equal(10_000, result.Value!.Draws);
        Assert.Equal(SimulationSettings.DefaultSeed, result.Value.Seed);
    }

    private static ProjectRequest Valid() => new() { ReferenceProject = "budgetcoaching", Participants = "80", Cost = "90000", Months = "12" };
}
