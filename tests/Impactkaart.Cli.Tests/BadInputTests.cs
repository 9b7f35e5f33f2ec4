namespace Impactkaart.Cli.Tests;

public class BadInputTests
{
    public static TheoryData<string, string[], string> Cases => new()
    {
        // description, arguments, the option the message must name
        { "unknown reference project", ["compute", "--reference", "bestaat-niet", "--participants", "80", "--cost", "90000"], "--reference" },
        { "no reference project", ["compute", "--participants", "80", "--cost", "90000"], "--reference" },
        { "zero participants", ["compute", "--reference", "budgetcoaching", "--participants", "0", "--cost", "90000"], "--participants" },
        { "negative participants", ["compute", "--reference", "budgetcoaching", "--participants", "-5", "--cost", "90000"], "--participants" },
        { "participants not a number", ["compute", "--reference", "budgetcoaching", "--participants", "tachtig", "--cost", "90000"], "--participants" },
        { "negative cost", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "-100"], "--cost" },
        { "zero cost", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "0"], "--cost" },
        { "absurd cost", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "2000000000"], "--cost" },
        { "cost not a number", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "veel"], "--cost" },
        { "cost with unclear separators", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "9.00,0"], "--cost" },
        { "no cost", ["compute", "--reference", "budgetcoaching", "--participants", "80"], "--cost" },
        { "negative staff cost", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--staff-cost", "-1"], "--staff-cost" },
        { "total and categories", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "1", "--staff-cost", "1"], "--cost" },
        { "zero months", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "90000", "--months", "0"], "--months" },
        { "beyond ten years", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "90000", "--months", "121"], "--months" },
        { "answer without option", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "90000", "--answer", "intensiteit"], "--answer intensiteit" },
        { "unknown option of an answer", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "90000", "--answer", "intensiteit=heel-veel"], "--answer intensiteit" },
        { "unknown question", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "90000", "--answer", "kleur=rood"], "--answer kleur" },
        { "answer without question", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "90000", "--answer", "=meer"], "--answer" },
        { "unknown phase", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "90000", "--phase", "later"], "--phase" },
        { "measured outside evaluation", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "90000", "--measured", "kortere-bijstand=1"], "--measured" },
        { "unknown measured outcome", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "90000", "--phase", "evaluatie", "--measured", "geluk=1"], "--measured geluk" },
        { "discount rate too high", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "90000", "--discount-rate", "25"], "--discount-rate" },
        { "bad start date", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "90000", "--start", "morgen"], "--start" },
        { "negative own hours", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "90000", "--own-hours", "-3"], "--own-hours" },
        { "too many draws", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "90000", "--draws", "10000000"], "--draws" },
        { "bad seed", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "90000", "--seed", "abc"], "--seed" },
        { "unknown format", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "90000", "--format", "xml"], "--format" },
        { "unknown language", ["compute", "--reference", "budgetcoaching", "--lang", "de"], "--lang" },
        { "unknown option", ["compute", "--reference", "budgetcoaching", "--participants", "80", "--cost", "90000", "--colour", "red"], "--colour" },
        { "option without value", ["compute", "--reference", "budgetcoaching", "--cost", "90000", "--participants"], "--participants" },
        { "unknown command", ["bereken", "--reference", "budgetcoaching"], "bereken" },
        { "unknown model command", ["model", "toon"], "toon" },
        { "explain with bad input", ["explain", "--reference", "budgetcoaching", "--participants", "0", "--cost", "90000"], "--participants" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_exits_with_2_and_a_message_that_names_the_option_without_a_stack_trace(string description, string[] args, string option)
    {
        var result = Cli.Run(args);

        Assert.True(result.ExitCode == 2, $"{description}: exit code {result.ExitCode}\n{result.All}");
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
        Assert.DoesNotContain(Cli.StackTraceMarker, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_are_Dutch_by_default_and_English_with_lang_en()
    {
        string[] args = ["compute", "--reference", "budgetcoaching", "--participants", "0", "--cost", "90000"];

        var nl = Cli.Run(args);
        var en = Cli.Run([.. args, "--lang", "en"]);

        Assert.Contains("De invoer klopt niet", nl.Error, StringComparison.Ordinal);
        Assert.Contains("Aantal deelnemers", nl.Error, StringComparison.Ordinal);
        Assert.Contains("The input is not valid", en.Error, StringComparison.Ordinal);
        Assert.Contains("Number of participants", en.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_answer_lists_the_allowed_options()
    {
        var result = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--answer", "intensiteit"));

        Assert.Contains("Minder intensief (minder), Zoals het referentieproject (zoals-referentie), Intensiever (meer)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_reference_project_lists_each_by_name_and_the_id_to_type()
    {
        var nl = Cli.Run("compute", "--reference", "bestaat-niet", "--participants", "80", "--cost", "90000");
        var en = Cli.Run("compute", "--reference", "bestaat-niet", "--participants", "80", "--cost", "90000", "--lang", "en");

        Assert.Contains("Het referentieproject 'bestaat-niet' bestaat niet. Mogelijk zijn: Buurtbemiddeling (buurtbemiddeling), Huisbezoeken aan ouderen (huisbezoek-ouderen),", nl.Error, StringComparison.Ordinal);
        Assert.Contains("Budgetcoaching (budgetcoaching)", nl.Error, StringComparison.Ordinal);
        Assert.Contains("Possible are: Neighbourhood mediation (buurtbemiddeling), Home visits to older people (huisbezoek-ouderen),", en.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_lists_the_possible_options()
    {
        var result = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--kleur", "rood"));

        Assert.Contains("Onbekende optie '--kleur'", result.Error, StringComparison.Ordinal);
        Assert.Contains("--participants", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("'rood'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_command_shows_the_help_and_exits_with_2()
    {
        var result = Cli.Run();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("compute", result.Output, StringComparison.Ordinal);
        Assert.Contains("explain", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_exits_with_0_and_describes_the_options_in_Dutch()
    {
        var result = Cli.Run("compute", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--participants", result.Output, StringComparison.Ordinal);
        Assert.Contains("Aantal deelnemers", result.Output, StringComparison.Ordinal);
    }
}
