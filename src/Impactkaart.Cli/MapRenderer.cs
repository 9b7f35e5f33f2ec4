using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;

namespace Impactkaart.Cli;

/// <summary>Writes an impact map as readable sections and tables: the headline first, then the detail.</summary>
internal sealed class MapRenderer(Terminal terminal, Formats f, ImpactModel model)
{
    public void Render(ImpactMap map)
    {
        Header(map);
        Warnings(map);
        Views(map);
        KeyFigures(map);
        PerYear(map);
        ByOutcome(map);
        ByDomain(map);
        ByPayer(map);
        Labour(map);
        Answers(map);
        Qualitative(map.Input.ReferenceProject);
        NotClaimed(map.Input.ReferenceProject);
        Drivers(map);
        Sources(MapSources.For(model, map));
    }

    /// <summary>The project in one title and one line: what was computed, with which settings.</summary>
    public void Header(ImpactMap map)
    {
        var input = map.Input;
        var project = input.ReferenceProject;
        terminal.Strong(f.Format(Texts.MapTitle, input.Name is { } name ? $"{name} ({f[project.Label]})" : f[project.Label]));
        var parts = new List<string>
        {
            f.Format(Texts.ReferenceLine, f[project.Label], project.Id),
            f.Format(Texts.ParticipantsLine, f.Count(input.Participants, Nouns.Participant)),
            f.Format(Texts.MonthsLine, f.Count(input.Months, Nouns.Month)),
        };
        if (input.Start is { } start)
        {
            parts.Add(f.Format(Texts.StartLine, start.ToString("d MMMM yyyy", f.Culture)));
        }
        parts.Add(f.Format(Texts.CostsLine, f.Amount(input.Costs.Total.Euros)));
        terminal.Line(string.Join(" · ", parts));
        terminal.Muted(f.Format(Texts.SettingsLine,
            f.Phase(input.Phase),
            f.Percent(input.DiscountRate.Value, 2), model.PriceYear, map.ModelVersion));
    }

    /// <summary>The map's warnings, right under the header, before any figure.</summary>
    public void Warnings(ImpactMap map)
    {
        foreach (var warning in map.Warnings)
        {
            terminal.Line();
            terminal.Warning(f.Format(Labels.WarningLine, f[warning.Message]));
        }
    }

    /// <summary>
    /// Both views with the same weight and the same lines: the ratio, what the view counts, its range and chance, and
    /// what only it counts; then what the figures assume, why the range is what it is and what the map rests on.
    /// </summary>
    private void Views(ImpactMap map)
    {
        foreach (var view in MapViews.Both(map, f))
        {
            terminal.Line();
            terminal.Strong(view.Ratio is { } ratio ? f.Format(Labels.ViewHeadline, view.Name, f.Money(ratio.Value)) : view.Name + ": " + f[Labels.NoRatio]);
            terminal.Line(view.Explanation);
            if (view.Range(f) is { } range)
            {
                terminal.Line(f.Format(Texts.ViewRange, range, f.Money(view.P50!.Value.Value)));
                terminal.Line(view.Chance(f) + ".");
            }
            terminal.Line(view.OnlyHere + ".");
        }
        terminal.Line();
        terminal.Muted(f[Labels.CentralAssumes] + " " + f[Labels.CentralAssumesWhy]);
        if (map.Uncertainty is { } u)
        {
            terminal.Line(f[u.Explanation]);
            terminal.Muted(f.Format(Texts.Draws, f.Number(u.Draws, 0), u.Seed));
        }
        else
        {
            terminal.Line(f[Texts.NoUncertainty]);
        }
    }

    private void KeyFigures(ImpactMap map)
    {
        terminal.Heading(f[Labels.KeyFiguresHeading]);
        var table = terminal.Table(f[Labels.Figure], ">" + f[Labels.Value]);
        Terminal.Row(table, f[Labels.CostsPv], f.Amount(map.Costs.Euros));
        Terminal.Row(table, f[Labels.BenefitsFinancial], f.Amount(map.Benefits.Euros));
        Terminal.Row(table, f[Labels.BenefitsWelfare], f.Amount(map.WelfareBenefits.Euros));
        Terminal.Row(table, f[Labels.Wellbeing], f.Amount(map.WellbeingBenefits.Euros));
        terminal.TotalRow(table, f[Labels.Npv], f.Amount(map.NetPresentValue.Euros));
        if (map.Uncertainty is { } u)
        {
            Terminal.Row(table, f[Labels.NpvRange], f.AmountRange(u.NetPresentValueP10.Euros, u.NetPresentValueP90.Euros) + " (" + f[Labels.EightOfTen] + ")");
        }
        terminal.TotalRow(table, f[Labels.NpvWelfare], f.Amount(map.WelfareNetPresentValue.Euros));
        Terminal.Row(table, f[Labels.Payback], map.Payback is { } p ? f.Count(p.Value, Nouns.Year, 1) : f[Labels.NoPayback]);
        Terminal.Row(table, f[Labels.BenefitPerParticipant], f.Amount(map.BenefitPerParticipant.Euros));
        Terminal.Row(table, f[Labels.CostPerParticipant], f.Amount(map.Input.Costs.Total.Euros / map.Input.Participants));
        Terminal.Row(table, f[Labels.BreakEvenParticipants], map.BreakEven.Participants is { } n
            ? f.Format(Labels.BreakEvenParticipantsValue, f.Count(n, Nouns.Participant))
            : f[Labels.NotApplicable]);
        Terminal.Row(table, f[Labels.BreakEvenEffect], map.BreakEven.EffectShare is { } share
            ? share.Value <= 1m
                ? f.Format(Labels.BreakEvenEffectValue, f.Percent(share.Value), f.Percent(1m - share.Value))
                : f.Format(Labels.BreakEvenEffectLarger, f.Percent(share.Value), f.Percent(share.Value - 1m))
            : f[Labels.NotApplicable]);
        terminal.Write(table);
        if (map.Input.Costs.HasCategories)
        {
            var costs = map.Input.Costs;
            var byKind = terminal.Table(f[Texts.CostCategory], ">" + f[Labels.Amount]);
            Terminal.Row(byKind, f[Labels.CostStaff], f.Amount(costs.Staff!.Value.Euros));
            Terminal.Row(byKind, f[Labels.CostVolunteers], f.Amount(costs.Volunteers!.Value.Euros));
            Terminal.Row(byKind, f[Labels.CostMaterial], f.Amount(costs.Material!.Value.Euros));
            Terminal.Row(byKind, f[Labels.CostOverhead], f.Amount(costs.Overhead!.Value.Euros));
            terminal.TotalRow(byKind, f[Labels.Total], f.Amount(costs.Total.Euros));
            terminal.Write(byKind);
        }
    }

    private void PerYear(ImpactMap map)
    {
        terminal.Heading(f[Labels.PerYearHeading]);
        var table = terminal.Table(f[Labels.Year], ">" + f[Labels.DiscountFactor], ">" + f[Labels.Costs], ">" + f[Labels.BenefitsFinancial], ">" + f[Labels.BenefitsWelfare]);
        foreach (var y in map.PerYear)
        {
            Terminal.Row(table, (y.Year + 1).ToString(f.Culture), f.Fixed(y.DiscountFactor, 4), f.Amount(y.Costs.Euros), f.Amount(y.Benefits.Euros), f.Amount(y.WelfareBenefits.Euros));
        }
        terminal.TotalRow(table, f[Labels.Total], "", f.Amount(map.Costs.Euros), f.Amount(map.Benefits.Euros), f.Amount(map.WelfareBenefits.Euros));
        terminal.Write(table);
        terminal.Muted(f[Texts.PresentValueNote]);
    }

    /// <summary>Per outcome its benefits in both views, its wellbeing value and its evidence grade; calibrated effects marked, the basis below.</summary>
    private void ByOutcome(ImpactMap map)
    {
        terminal.Heading(f[Labels.ByOutcomeHeading]);
        // Short headers for the two views' columns, so that long Dutch outcome names keep their words whole.
        var table = terminal.Table(f[Labels.Outcome], ">" + f[Labels.NetEffect], f[Labels.Evidence], ">" + f[Texts.InMoney], ">" + f[Texts.ToSociety],
            ">" + f[Texts.WellbeingShort], ">" + f[Labels.Share]);
        table.Columns[1].Width = 12;
        table.Columns[4].Width = 11;
        foreach (var o in map.ByOutcome)
        {
            var effect = f.Count(o.NetEffectPerParticipant, o.Outcome.Unit, 3) + (o.Measured ? " " + f[Labels.MeasuredMark] : "");
            var grade = f.Evidence(model.Evidence, o.Outcome.Evidence) + (MapViews.IsCalibrated(o) ? " (" + f[Labels.Calibrated] + ")" : "");
            Terminal.Row(table, f[o.Outcome.Label], effect, grade, f.Amount(o.Benefits.Euros), f.Amount(o.WelfareBenefits.Euros), f.Amount(o.WellbeingBenefits.Euros),
                Share(o.Benefits.Euros, map.Benefits.Euros));
        }
        // Whole euros so that seven columns fit; no share on the total line: it is always the whole.
        terminal.TotalRow(table, f[Labels.Total], "", "", f.Amount(map.Benefits.Euros), f.Amount(map.WelfareBenefits.Euros), f.Amount(map.WellbeingBenefits.Euros), "");
        terminal.Write(table);
        terminal.Muted(f[Texts.OutcomeColumnsNote]);
        if (MapViews.AssumedShare(map, f) is { } assumed)
        {
            terminal.Line(assumed + (MapViews.CalibratedShare(map, f) is { } calibrated ? " " + calibrated : ""));
        }
        terminal.Line(f[Labels.EvidenceBasisColumn] + ":");
        foreach (var o in map.ByOutcome)
        {
            terminal.Line($"- {f[o.Outcome.Label]} ({f.Evidence(model.Evidence, o.Outcome.Evidence)}): {f.EvidenceBasis(model.Evidence, o.Outcome)}");
        }
    }

    private void ByDomain(ImpactMap map)
    {
        terminal.Heading(f[Labels.ByDomainHeading]);
        var table = terminal.Table(f[Labels.Domain], ">" + f[Labels.BenefitsFinancial], ">" + f[Labels.Share]);
        foreach (var d in map.ByDomain)
        {
            Terminal.Row(table, f[d.Domain.Label], f.Amount(d.Amount.Euros), Share(d.Amount.Euros, map.Benefits.Euros));
        }
        terminal.Write(table);
    }

    private void ByPayer(ImpactMap map)
    {
        terminal.Heading(f[Labels.ByPayerHeading]);
        var table = terminal.Table(f[Labels.Payer], ">" + f[Labels.BenefitsFinancial], ">" + f[Labels.OfWhichTransfers], ">" + f[Labels.WithoutTransfers], ">" + f[Labels.Share]);
        foreach (var p in map.ByPayer)
        {
            Terminal.Row(table, f[p.Payer.Label], f.Amount(p.Amount.Euros), f.Amount(p.Transfers.Euros), f.Amount(p.Amount.Euros - p.Transfers.Euros), Share(p.Amount.Euros, map.Benefits.Euros));
        }
        var transfers = map.ByPayer.Sum(p => p.Transfers.Euros);
        terminal.TotalRow(table, f[Labels.Total], f.Amount(map.Benefits.Euros), f.Amount(transfers), f.Amount(map.Benefits.Euros - transfers), "");
        terminal.Write(table);
        terminal.Line(f[Labels.TransfersNote]);
    }

    private void Labour(ImpactMap map)
    {
        terminal.Heading(f[Labels.LabourHeading]);
        if (map.Labour.Count == 0)
        {
            terminal.Line(f[Texts.NoLabour]);
        }
        else
        {
            var table = terminal.Table(f[Labels.Profession], f[Labels.Sector], ">" + f[Labels.Hours], ">" + f[Labels.Fte]);
            foreach (var l in map.Labour)
            {
                Terminal.Row(table, f[l.Profession.Label], f[l.Profession.Sector.Label], f.Number(l.Hours.Value, 0), f.Fixed(l.Fte, 2));
            }
            terminal.TotalRow(table, f[Labels.Total], "", f.Number(map.HoursSaved.Value, 0), f.Fixed(map.Labour.Sum(l => l.Fte), 2));
            terminal.Write(table);

            var bySector = terminal.Table(f[Labels.Sector], ">" + f[Labels.Hours], ">" + f[Labels.Fte]);
            foreach (var (sector, hours, fte) in map.HoursBySector())
            {
                Terminal.Row(bySector, f[sector.Label], f.Number(hours.Value, 0), f.Fixed(fte, 2));
            }
            terminal.Write(bySector);
            terminal.Muted(f[Labels.LabourNote]);
        }
        terminal.Line(map.OwnHours is { } own
            ? f.Format(own.Estimated ? Texts.OwnHoursEstimated : Texts.OwnHoursGiven, f[model.OwnProfession.Label], f.Count(own.Hours.Value, Nouns.Hour), f.Fixed(own.Fte, 2))
            : f[Texts.OwnHoursUnknown]);
    }

    private void Answers(ImpactMap map)
    {
        var project = map.Input.ReferenceProject;
        terminal.Heading(f[Texts.AnswersHeading]);
        var table = terminal.Table(f[Labels.Question], f[Labels.Answer], ">" + f[Labels.Multiplier]);
        foreach (var q in project.Questions)
        {
            var option = map.Input.AnswerTo(q);
            Terminal.Row(table, $"{f[q.Label]} ({q.Id})", $"{f[option.Label]} ({option.Id})", f.Number(option.Multiplier, 2));
        }
        terminal.Write(table);
    }

    private void Qualitative(ReferenceProject project)
    {
        terminal.Heading(f[Labels.QualitativeHeading]);
        foreach (var q in project.Qualitative)
        {
            terminal.Line("- " + f[q.Text]);
        }
        if (project.Qualitative.Count == 0)
        {
            terminal.Line(f[Texts.None]);
        }
    }

    private void NotClaimed(ReferenceProject project)
    {
        terminal.Heading(f[Labels.NotCountedHeading]);
        if (project.NotClaimed.Count == 0)
        {
            terminal.Line(f[Texts.NothingExcluded]);
        }
        foreach (var n in project.NotClaimed)
        {
            terminal.Line($"- {f[n.Label]}: {f[n.Reason]} ({f.Basis(n.Basis)})");
        }
    }

    private void Drivers(ImpactMap map)
    {
        terminal.Heading(f[Texts.DriversHeading]);
        if (map.Uncertainty is not { } u)
        {
            terminal.Line(f[Texts.NoUncertainty]);
            return;
        }
        var table = terminal.Table(f[Texts.Input], f[Labels.KindColumn], ">" + f[Texts.Range], ">" + f[Texts.RatioAtLow], ">" + f[Texts.RatioAtHigh], ">" + f[Texts.Swing]);
        // Labels are single long Dutch words that must not break mid-word; the kind column wraps instead.
        table.Columns[0].NoWrap = true;
        foreach (var d in u.Drivers.OrderByDescending(d => d.Swing))
        {
            Terminal.Row(table, f[d.Label], f[d.Kind], f.Format(Texts.RangeValue, f.Auto(d.Low), f.Auto(d.High)),
                f.Amount(d.RatioAtLow.Value), f.Amount(d.RatioAtHigh.Value), f.Amount(d.Swing));
        }
        terminal.Write(table);
        terminal.Muted(f[Texts.DriversNote]);
    }

    public void Sources(IReadOnlyList<Source> sources)
    {
        terminal.Heading(f[Labels.SourcesHeading]);
        var table = terminal.Table(f[Labels.Id], f[Labels.Citation], ">" + f[Labels.Year], f[Labels.Reliability]);
        foreach (var s in sources)
        {
            Terminal.Row(table, s.Id, s.Url is null ? s.Citation : $"{s.Citation} {s.Url}", s.Year.ToString(f.Culture), f.Reliability(s.Reliability));
        }
        terminal.Write(table);
    }

    private string Share(decimal part, decimal whole) => whole == 0m ? "-" : f.Percent(part / whole);
}
