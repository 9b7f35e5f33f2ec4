using Impactkaart.Engine.Calculation;

namespace Impactkaart.Engine.Tests;

/// <summary>
/// Amounts as a Dutch user types them ("90.000" is ninety thousand), the invariant form the API, the CLI and batch
/// send ("90000.5"), and the unclear ones refused with a message naming the field. The rule is on <see cref="NumberText"/>.
/// </summary>
public sealed class NumberTextTests
{
    public static TheoryData<string, decimal> Amounts() => new()
    {
        // typed, what a Dutch user means (the working: which rule applies)
        { "90000", 90000m },            // digits only
        { "90.000", 90000m },           // point before three digits: thousands
        { "1.125", 1125m },             // idem, one group before it
        { "1.250.000", 1250000m },      // every point before three digits
        { "90.000,50", 90000.50m },     // point thousands, comma decimals
        { "90000,5", 90000.5m },        // comma decimals
        { "90000,50", 90000.50m },
        { "90 000", 90000m },           // space thousands
        { "1 250 000,50", 1250000.50m },
        { "€ 90.000", 90000m },         // euro sign ignored
        { "€90.000,-", 90000m },        // and the closing ",-" of whole euros
        { "90.000 EUR", 90000m },
        { "euro 90.000", 90000m },
        { "90000 euro", 90000m },
        { "90000.5", 90000.5m },        // invariant: a point before one digit is the decimal point
        { "1125.25", 1125.25m },        // a point before two digits
        { "90000.500", 90000.5m },      // five digits before the point: not a thousands group
        { "12.5", 12.5m },
        { "0.125", 0.125m },            // a group starting with 0 is no thousands group
        { "0,125", 0.125m },
        { " 1500 ", 1500m },
        { "-100", -100m },              // the sign is kept, so the range message can name it
    };

    [Theory]
    [MemberData(nameof(Amounts))]
    public void ReadAmount_reads_what_a_dutch_user_means(string typed, decimal expected)
    {
        var reading = NumberText.ReadAmount(typed);

        Assert.Equal(NumberProblem.None, reading.Problem);
        Assert.Equal(expected, reading.Value);
    }

    [Theory]
    [InlineData("1.5.3", NumberProblem.Unclear)]       // groups of one digit
    [InlineData("9.00,0", NumberProblem.Unclear)]      // a thousands group of two digits
    [InlineData("1,250,000", NumberProblem.Unclear)]   // English thousands: two commas
    [InlineData("90,000.50", NumberProblem.Unclear)]   // English: comma before the point
    [InlineData("90 000.5", NumberProblem.Unclear)]    // spaces and a point together
    [InlineData("9 0000", NumberProblem.Unclear)]      // a space group of four digits
    [InlineData("90.", NumberProblem.Unclear)]         // a separator with nothing after it
    [InlineData("90,000", NumberProblem.CommaBeforeThreeDigits)]
    [InlineData("1,125", NumberProblem.CommaBeforeThreeDigits)]
    [InlineData("negentigduizend", NumberProblem.NotANumber)]
    [InlineData("9e4", NumberProblem.NotANumber)]
    [InlineData("€", NumberProblem.NotANumber)]
    [InlineData(",", NumberProblem.NotANumber)]
    public void ReadAmount_refuses_what_is_unclear(string typed, NumberProblem problem)
    {
        var reading = NumberText.ReadAmount(typed);

        Assert.Equal(problem, reading.Problem);
        Assert.Null(reading.Value);
    }

    [Fact]
    public void ReadAmount_gives_the_thousands_reading_of_a_comma_before_three_digits()
    {
        Assert.Equal(90000m, NumberText.ReadAmount("90,000").Meant);
    }

    [Theory]
    [InlineData("1.125", 1.125)]   // a measured change per participant: three decimals are real
    [InlineData("1,125", 1.125)]
    [InlineData("0,015", 0.015)]
    [InlineData("2.25", 2.25)]
    public void ReadDecimal_takes_one_point_or_comma_as_the_decimal_separator(string typed, decimal expected)
    {
        Assert.Equal(expected, NumberText.ReadDecimal(typed).Value);
    }

    [Theory]
    [InlineData(90000, "90000")]
    [InlineData(90000.50, "90000.5")]
    [InlineData(1.125, "1.1250")]      // "1.125" would be the amount 1125
    [InlineData(-12.345, "-12.3450")]
    [InlineData(12.000, "12")]         // no trailing zeros: "12.000" would be twelve thousand
    [InlineData(0.125, "0.125")]
    public void Write_gives_text_that_both_rules_read_back_unchanged(decimal value, string expected)
    {
        var text = NumberText.Write(value);

        Assert.Equal(expected, text);
        Assert.Equal(value, NumberText.ReadAmount(text).Value);
        Assert.Equal(value, NumberText.ReadDecimal(text).Value);
    }

    [Fact]
    public void Write_keeps_a_spreadsheet_number_cell_a_decimal()
    {
        Assert.Equal("1.1250", NumberText.Write(1.125d));
        Assert.Equal(1.125m, NumberText.ReadAmount(NumberText.Write(1.125d)).Value);
    }

    public static TheoryData<string, Action<ProjectRequest, string>, Func<ProjectInput, decimal>, string, decimal> AcceptedFields() => new()
    {
        // field, how it is set, what the engine took, typed, expected
        { "cost", (r, v) => r.Cost = v, i => i.Costs.Total.Euros, "90.000", 90000m },
        { "cost", (r, v) => r.Cost = v, i => i.Costs.Total.Euros, "90.000,50", 90000.50m },
        { "cost", (r, v) => r.Cost = v, i => i.Costs.Total.Euros, "€ 90.000", 90000m },
        { "cost", (r, v) => r.Cost = v, i => i.Costs.Total.Euros, "90 000", 90000m },
        { "cost", (r, v) => r.Cost = v, i => i.Costs.Total.Euros, "90000,5", 90000.5m },
        { "cost", (r, v) => r.Cost = v, i => i.Costs.Total.Euros, "90000.5", 90000.5m },
        { "cost", (r, v) => r.Cost = v, i => i.Costs.Total.Euros, "1.250.000", 1250000m },
        // 1.125 hours x 80 euro = 90,000
        { "costs.staffHours", (r, v) => { r.Cost = null; r.StaffHours = v; r.StaffRate = "80"; }, i => i.Costs.Total.Euros, "1.125", 90000m },
        // 1,125.25 hours x 80 euro = 90,020
        { "costs.staffHours", (r, v) => { r.Cost = null; r.StaffHours = v; r.StaffRate = "80"; }, i => i.Costs.Total.Euros, "1125.25", 90020m },
        // 1,000 hours x 68.50 euro = 68,500
        { "costs.staffRate", (r, v) => { r.Cost = null; r.StaffHours = "1.000"; r.StaffRate = v; }, i => i.Costs.Total.Euros, "68,50", 68500m },
        { "costs.material", (r, v) => { r.Cost = null; r.MaterialCost = v; }, i => i.Costs.Total.Euros, "€ 2.500,-", 2500m },
        { "ownHours", (r, v) => r.OwnHours = v, i => i.OwnHours!.Value.Value, "1.250", 1250m },
        { "participants", (r, v) => r.Participants = v, i => i.Participants, "1.000", 1000m },
        // a measured change per participant is a plain decimal: 1.125 months, not 1125
        { "measured.kortere-bijstand", (r, v) => { r.Phase = "evaluatie"; r.Measured["kortere-bijstand"] = v; }, i => i.Measured["kortere-bijstand"], "1.125", 1.125m },
    };

    [Theory]
    [MemberData(nameof(AcceptedFields))]
    public void The_validator_reads_each_field_by_its_rule(string field, Action<ProjectRequest, string> set, Func<ProjectInput, decimal> taken, string typed, decimal expected)
    {
        var request = Valid();
        set(request, typed);

        var result = ProjectRequestValidator.Validate(Helpers.Shipped, request);

        Assert.True(result.IsValid, field + ": " + string.Join("; ", result.Errors.Select(e => e.Message.Nl)));
        Assert.Equal(expected, taken(result.Value!));
    }

    public static TheoryData<Action<ProjectRequest>, string, string, string> RefusedFields() => new()
    {
        // how it is set, the field, the whole Dutch message, the whole English message
        {
            r => r.Cost = "9.00,0", "cost",
            "Totale kosten: '9.00,0' is geen bedrag; schrijf bijvoorbeeld 90.000 of 90000,50.",
            "Total costs: '9.00,0' is not an amount; write for example 90000 or 90000.50."
        },
        {
            r => r.Cost = "1.5.3", "cost",
            "Totale kosten: '1.5.3' is geen bedrag; schrijf bijvoorbeeld 90.000 of 90000,50.",
            "Total costs: '1.5.3' is not an amount; write for example 90000 or 90000.50."
        },
        {
            r => r.Cost = "1,250,000", "cost",
            "Totale kosten: '1,250,000' is geen bedrag; schrijf bijvoorbeeld 90.000 of 90000,50.",
            "Total costs: '1,250,000' is not an amount; write for example 90000 or 90000.50."
        },
        {
            r => r.Cost = "90,000", "cost",
            "Totale kosten: '90,000' is niet eenduidig, want een komma staat hier voor decimalen. Bedoelt u 90.000? Schrijf dan 90.000 of 90000.",
            "Total costs: '90,000' is ambiguous, because a comma marks decimals here, as in Dutch. For 90,000 write 90000 (or 90.000)."
        },
        {
            r => { r.Cost = null; r.MaterialCost = "2.50.0"; }, "costs.material",
            "Materiaalkosten: '2.50.0' is geen bedrag; schrijf bijvoorbeeld 90.000 of 90000,50.",
            "Material costs: '2.50.0' is not an amount; write for example 90000 or 90000.50."
        },
        {
            r => { r.Cost = null; r.StaffHours = "1.5.3"; r.StaffRate = "80"; }, "costs.staffHours",
            "Uren personeel: '1.5.3' is geen aantal uren; schrijf bijvoorbeeld 1.250 of 1250,5.",
            "Staff hours: '1.5.3' is not a number of hours; write for example 1250 or 1250.5."
        },
        {
            r => r.OwnHours = "1,250", "ownHours",
            "Eigen uren sociaal werk: '1,250' is niet eenduidig, want een komma staat hier voor decimalen. Bedoelt u 1.250? Schrijf dan 1.250 of 1250.",
            "Own social-work hours: '1,250' is ambiguous, because a comma marks decimals here, as in Dutch. For 1,250 write 1250 (or 1.250)."
        },
        {
            r => r.Participants = "1.0.0", "participants",
            "Aantal deelnemers: '1.0.0' is geen heel getal; vul een heel getal in tussen 1 en 1.000.000.",
            "Number of participants: '1.0.0' is not a whole number; fill in a whole number between 1 and 1,000,000."
        },
    };

    [Theory]
    [MemberData(nameof(RefusedFields))]
    public void The_validator_refuses_an_unclear_number_with_a_message_naming_the_field(Action<ProjectRequest> set, string field, string nl, string en)
    {
        var request = Valid();
        set(request);

        var result = ProjectRequestValidator.Validate(Helpers.Shipped, request);

        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(nl, error.Message.Nl);
        Assert.Equal(en, error.Message.En);
    }

    [Fact]
    public void A_project_file_number_with_three_decimals_stays_that_number()
    {
        // JSON numbers are unambiguous: 12.000 months are twelve, 1.125 own hours one and an eighth.
        var read = ProjectRequestJson.Read("""{ "referenceProject": "budgetcoaching", "participants": 80, "cost": 90000, "months": 12.000, "ownHours": 1.125 }""");

        var input = ProjectRequestValidator.Validate(Helpers.Shipped, read.Value!).Value!;

        Assert.Equal(12, input.Months);
        Assert.Equal(1.125m, input.OwnHours!.Value.Value);
    }

    private static ProjectRequest Valid() => new() { ReferenceProject = "budgetcoaching", Participants = "80", Cost = "90000", Months = "12" };
}
