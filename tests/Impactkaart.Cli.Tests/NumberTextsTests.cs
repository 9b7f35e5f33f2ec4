using Impactkaart.Engine;
using Impactkaart.Engine.Model;
using Impactkaart.Tests.Shared;

namespace Impactkaart.Cli.Tests;

/// <summary>
/// The CLI's text output writes amounts, counts and units as the web page and the PDF do: one money style per
/// language, no "EUR", no cents on whole amounts of a thousand or more, the singular only after one.
/// </summary>
public sealed class NumberTextsTests
{
    public static TheoryData<string, string, string> Projects => new()
    {
        { "budgetcoaching", "80", "90000" },
        { "budgetcoaching", "1", "1125.50" },
        { "huisbezoek-ouderen", "40", "37000" },
        { "vroegsignalering-schulden", "3", "950.40" },
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void Compute_and_explain_write_every_amount_count_and_unit_one_way_in_both_languages(string reference, string participants, string cost)
    {
        foreach (var (language, code) in new[] { (Language.Nl, "nl"), (Language.En, "en") })
        {
            foreach (var command in new[] { "compute", "explain" })
            {
                var result = Cli.Run(Cli.Args(command, ["--reference", reference, "--participants", participants, "--cost", cost, "--months", "1"], "--draws", "200", "--lang", code));

                Assert.Equal(0, result.ExitCode);
                // Explain writes the calculation out line by line: there the cents are part of the sum.
                NumberTexts.AssertNone(result.Output, language, ModelLoader.Shipped, centsMatter: command == "explain");
            }
        }
    }

    [Fact]
    public void Compute_names_the_range_of_the_net_present_value_as_a_range()
    {
        var output = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching, "--draws", "200")).Output;

        Assert.Matches(@"Bandbreedte netto contante waarde in geld\s+tussen € -?[\d.]+ en € -?[\d.]+ \(8 van de 10 uitkomsten\)", output);
    }
}
