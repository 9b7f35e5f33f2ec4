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
    [InlineData(Language.Nl, 90000.0, "€ 90.000")]
    [InlineData(Language.Nl, 90000.4, "€ 90.000")]   // from a thousand up, cents are noise
    [InlineData(Language.Nl, 250.0, "€ 250")]        // no cents to show
    [InlineData(Language.Nl, 1.13, "€ 1,13")]        // cents matter
    [InlineData(Language.En, 37000.0, "€37,000")]
    [InlineData(Language.Nl, -3610.0, "€ -3.610")]
    public void Amount_shows_cents_only_where_they_matter(Language language, double euros, string expected)
    {
        Assert.Equal(expected, new Formats(language).Amount((decimal)euros));
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

public sealed class MapViewsTests
{
    [Theory]
    [InlineData(0.4533, "45% van de baten rust op aannames, niet op gemeten effecten.")]
    [InlineData(0.997, "> 99% van de baten rust op aannames, niet op gemeten effecten.")]
    [InlineData(0.004, "< 1% van de baten rust op aannames, niet op gemeten effecten.")]
    [InlineData(1.0, "Alle baten rusten op aannames, niet op gemeten effecten.")]
    [InlineData(0.0, "Geen van de baten rust op aannames: elk effect is gemeten.")]
    public void The_assumed_share_reads_as_a_sentence_and_never_rounds_to_all_or_none(double share, string expected)
    {
        var map = Maps.Budgetcoaching();
        map = map with { Evidence = map.Evidence with { AssumedShare = Engine.Quantities.Fraction.FromDecimal((decimal)share) } };

        Assert.Equal(expected, MapViews.AssumedShare(map, new Formats(Language.Nl)));
    }

    [Fact]
    public void The_two_views_are_named_and_explained_in_both_languages_and_say_what_only_they_count()
    {
        var map = Maps.Budgetcoaching();
        var nl = new Formats(Language.Nl);
        var en = new Formats(Language.En);

        Assert.Equal(["Opbrengst in geld", "Maatschappelijke waarde"], MapViews.Both(map, nl).Select(v => v.Name));
        Assert.Equal(["Money returned", "Value to society"], MapViews.Both(map, en).Select(v => v.Name));
        Assert.All(MapViews.Both(map, nl), v => Assert.False(string.IsNullOrWhiteSpace(v.Explanation)));
        Assert.Equal(map.Ratio, MapViews.Money(map, nl).Ratio);
        Assert.Equal(map.WelfareRatio, MapViews.Welfare(map, nl).Ratio);
        Assert.Equal(map.Uncertainty!.WelfareRatioP90, MapViews.Welfare(map, nl).P90);
        // Transfers (the benefit payment that stops sooner) are what the money view counts and the welfare view does not.
        Assert.Equal(map.ByPayer.Sum(p => p.Transfers.Euros), MapViews.Transfers(map).Euros);
        Assert.StartsWith("Uitkeringen en andere overdrachten: € ", MapViews.Money(map, nl).OnlyHere, StringComparison.Ordinal);
        Assert.StartsWith("Welzijnswaarde: € ", MapViews.Welfare(map, nl).OnlyHere, StringComparison.Ordinal);
    }
}
