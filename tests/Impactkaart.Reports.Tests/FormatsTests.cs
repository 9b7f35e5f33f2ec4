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
    [InlineData(1.0, "> 99%")]      // every draw paid off: still not a certainty
    [InlineData(0.9951, "> 99%")]   // would round to 100%
    [InlineData(0.9901, "> 99%")]
    [InlineData(0.99, "99%")]       // the bound itself is a plain percentage
    [InlineData(0.774, "77%")]
    [InlineData(0.01, "1%")]
    [InlineData(0.0099, "< 1%")]
    [InlineData(0.004, "< 1%")]     // would round to 0%
    [InlineData(0.0, "< 1%")]       // no draw paid off: still not an impossibility
    public void Chance_never_reads_as_a_certainty_or_an_impossibility(double probability, string expected)
    {
        Assert.Equal(expected, new Formats(Language.Nl).Chance((decimal)probability));
        Assert.Equal(expected.Replace(',', '.'), new Formats(Language.En).Chance((decimal)probability));
    }

    [Fact]
    public void Chance_over_every_probability_in_steps_of_a_ten_thousandth_never_prints_100_or_0_percent()
    {
        var nl = new Formats(Language.Nl);
        for (var i = 0; i <= 10_000; i++)
        {
            var text = nl.Chance(i / 10_000m);
            Assert.NotEqual("100%", text);
            Assert.NotEqual("0%", text);
        }
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
    public void Evidence_grades_are_named_as_the_model_names_them_and_reliability_in_both_languages()
    {
        var evidence = Maps.Model.Evidence;

        Assert.Equal("beperkt", new Formats(Language.Nl).Evidence(evidence, Engine.Model.EvidenceGrade.Limited));
        Assert.Equal(evidence.For(Engine.Model.EvidenceGrade.Contradicted).Label.Nl, new Formats(Language.Nl).Evidence(evidence, Engine.Model.EvidenceGrade.Contradicted));
        Assert.Equal("official", new Formats(Language.En).Reliability(Engine.Model.Reliability.Official));
    }

    [Fact]
    public void Evidence_basis_falls_back_to_the_grade_description_and_says_first_when_an_effect_is_calibrated()
    {
        var evidence = Maps.Model.Evidence;
        var any = Maps.Model.ReferenceProjects.SelectMany(p => p.Outcomes).First();
        var outcome = any with { EvidenceBasis = null, Effect = any.Effect with { Basis = any.Effect.Basis with { IsCalibrated = false } } };
        var calibrated = outcome with { Effect = outcome.Effect with { Basis = outcome.Effect.Basis with { IsCalibrated = true } } };
        var own = outcome with { EvidenceBasis = new Text("Twee RCT's vonden het effect.", "Two RCTs found the effect.") };
        var nl = new Formats(Language.Nl);

        Assert.Equal(evidence.For(outcome.Evidence).Description.Nl, nl.EvidenceBasis(evidence, outcome));
        Assert.Equal("Twee RCT's vonden het effect.", nl.EvidenceBasis(evidence, own));
        Assert.StartsWith("Afgestemd op het voorbeeld van de sector. ", nl.EvidenceBasis(evidence, calibrated), StringComparison.Ordinal);
        Assert.StartsWith("Calibrated to the sector's example. ", new Formats(Language.En).EvidenceBasis(evidence, calibrated), StringComparison.Ordinal);
    }
}
