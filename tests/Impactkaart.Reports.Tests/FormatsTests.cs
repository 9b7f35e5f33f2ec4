using Impactkaart.Engine;

namespace Impactkaart.Reports.Tests;

public sealed class FormatsTests
{
    [Theory]
    [InlineData(Language.Nl, 1234.565, "€ 1.234,57")]
    [InlineData(Language.En, 1234.565, "€1,234.57")]
    [InlineData(Language.Nl, -5.5, "€ -5,50")]
    [InlineData(Language.En, -5.5, "-€5.50")]
    [InlineData(Language.Nl, -0.001, "€ 0,00")]
    [InlineData(Language.Nl, 1.9, "€ 1,90")]
    public void Money_reads_as_the_language_writes_it(Language language, double euros, string expected)
    {
        Assert.Equal(expected, new Formats(language).Money((decimal)euros));
    }

    [Theory]
    [InlineData(0.995, "meer dan 99%")]
    [InlineData(1.0, "100%")]
    [InlineData(0.004, "minder dan 1%")]
    [InlineData(0.0, "0%")]
    [InlineData(0.774, "77%")]
    public void Chance_never_rounds_to_a_certainty_the_simulation_does_not_give(double probability, string expected)
    {
        Assert.Equal(expected, new Formats(Language.Nl).Chance((decimal)probability));
    }

    [Fact]
    public void Percent_and_numbers_use_the_culture_separators()
    {
        var nl = new Formats(Language.Nl);
        var en = new Formats(Language.En);

        Assert.Equal("2,25%", nl.Percent(0.0225m, 2));
        Assert.Equal("2.25%", en.Percent(0.0225m, 2));
        Assert.Equal("1.004", nl.Number(1004.4m, 0));
        Assert.Equal("€ 171.105", nl.MoneyWhole(171_104.6m));
    }

    [Fact]
    public void Evidence_and_reliability_have_names_in_both_languages()
    {
        Assert.Equal("beperkt", new Formats(Language.Nl).Evidence(Engine.Model.EvidenceGrade.Limited));
        Assert.Equal("official", new Formats(Language.En).Reliability(Engine.Model.Reliability.Official));
    }
}
