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

    [Theory]
    [InlineData(Language.Nl, 1.0, "1 deelnemer")]
    [InlineData(Language.Nl, 3.0, "3 deelnemers")]
    [InlineData(Language.Nl, 0.0, "0 deelnemers")]
    [InlineData(Language.Nl, 1014.0, "1.014 deelnemers")]
    [InlineData(Language.Nl, 1.4, "1 deelnemer")]      // the word goes with the number as shown
    [InlineData(Language.En, 1.0, "1 participant")]
    [InlineData(Language.En, 2.0, "2 participants")]
    [InlineData(Language.En, 1014.0, "1,014 participants")]
    public void Count_says_one_participant_and_more_participants(Language language, double count, string expected)
    {
        Assert.Equal(expected, new Formats(language).Count((decimal)count, Nouns.Participant));
    }

    [Theory]
    [InlineData(Language.Nl, 680.0, "680 uur")]          // Dutch counts hours and years in the singular
    [InlineData(Language.Nl, 1.0, "1 uur")]
    [InlineData(Language.En, 1.0, "1 hour")]
    [InlineData(Language.En, 680.0, "680 hours")]
    public void Count_of_hours_reads_as_each_language_counts_them(Language language, double hours, string expected)
    {
        Assert.Equal(expected, new Formats(language).Count((decimal)hours, Nouns.Hour));
    }

    [Theory]
    [InlineData(Language.Nl, 1.0, "1 jaar")]
    [InlineData(Language.Nl, 1.62, "1,6 jaar")]
    [InlineData(Language.En, 1.0, "1 year")]
    [InlineData(Language.En, 1.04, "1 year")]
    [InlineData(Language.En, 1.62, "1.6 years")]
    public void Count_of_years_with_one_decimal_is_singular_only_at_one(Language language, double years, string expected)
    {
        Assert.Equal(expected, new Formats(language).Count((decimal)years, Nouns.Year, 1));
    }

    [Theory]
    [InlineData("consult", Language.Nl, 1.0, "1 consult")]
    [InlineData("consult", Language.Nl, 3.0, "3 consulten")]
    [InlineData("consult", Language.En, 3.0, "3 consultations")]
    [InlineData("schuld", Language.Nl, 0.27, "0,27 schulden (vorderingen)")]   // a fraction takes the plural
    [InlineData("schuld", Language.En, 0.27, "0.27 debts (claims)")]
    [InlineData("schuld", Language.Nl, 1.0, "1 schuld (vordering)")]
    [InlineData("maand", Language.Nl, 0.96, "0,96 maanden")]
    [InlineData("deelnemer", Language.En, 1.0, "1 participant")]
    public void Count_in_a_model_unit_takes_the_models_singular_or_plural(string unit, Language language, double quantity, string expected)
    {
        var found = Maps.Model.Units.Single(u => u.Id == unit);

        Assert.Equal(expected, new Formats(language).Count((decimal)quantity, found));
    }

    [Fact]
    public void Every_unit_of_the_shipped_model_has_a_plural_in_both_languages_that_differs_from_its_singular_in_english()
    {
        Assert.All(Maps.Model.Units, u =>
        {
            Assert.False(string.IsNullOrWhiteSpace(u.Plural.Nl), u.Id);
            Assert.NotEqual(u.Label.En, u.Plural.En);
        });
    }

    [Theory]
    [InlineData(Language.Nl, 1200.0, 5400.0, "tussen € 1.200 en € 5.400")]
    [InlineData(Language.Nl, -49696.4, 104681.0, "tussen € -49.696 en € 104.681")]
    [InlineData(Language.Nl, 0.45, 2.16, "tussen € 0,45 en € 2,16")]
    [InlineData(Language.En, -621.0, 1309.0, "between -€621 and €1,309")]
    public void AmountRange_names_a_range_as_a_range(Language language, double low, double high, string expected)
    {
        Assert.Equal(expected, new Formats(language).AmountRange((decimal)low, (decimal)high));
    }

    [Theory]
    [InlineData(Language.Nl, 90000.0, "€ 90.000")]
    [InlineData(Language.Nl, 1125.25, "€ 1.125")]
    [InlineData(Language.Nl, 112.5, "€ 112,50")]
    [InlineData(Language.Nl, 100.001, "€ 100")]      // no cents left once rounded to cents
    [InlineData(Language.Nl, -3610.0, "€ -3.610")]   // one negative style in Dutch: the sign after the euro sign
    [InlineData(Language.En, -3610.0, "-€3,610")]    // and one in English: the sign before it
    [InlineData(Language.En, -0.4, "-€0.40")]
    public void Amount_drops_the_cents_from_a_thousand_up_and_keeps_one_negative_style_per_language(Language language, double euros, string expected)
    {
        Assert.Equal(expected, new Formats(language).Amount((decimal)euros));
    }
}
