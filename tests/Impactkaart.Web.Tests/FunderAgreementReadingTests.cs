using System.Net;
using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Funding;
using Impactkaart.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The funder's API and council report read the agreements as the agreements' pages do: after the provider saves an
/// evaluation, the realised value comes from it, next to the target and the plan, with the difference in words.
/// </summary>
public abstract class FunderAgreementReadingTests(WebApp app)
{
    [Fact]
    public async Task After_an_evaluation_the_api_and_the_council_report_show_target_plan_and_realised_participants_with_the_difference_in_words()
    {
        var setup = await FunderReadingSupport.FunderWithTwoProjectsAsync(app, "Gemeente Afspraakstad", "Welzijn Afspraakstad");
        await app.WithServicesAsync(async s =>
        {
            var agreements = s.GetRequiredService<Agreements>();
            var proposed = await agreements.ProposeAsync(setup.Funder, setup.Coaching.Id, new AgreementProposal("deelnemers", null, "80", "31-12-2026", null));
            Assert.Equal(FundingOutcome.Done, proposed.Outcome);
            return await agreements.AcceptAsync(setup.Provider, setup.Coaching.ProjectId, proposed.Agreement!.Id);
        });

        var before = await AgreementAsync(setup, "nl");
        Assert.Equal(80, before.GetProperty("planned").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, before.GetProperty("realised").ValueKind);

        await app.WithServicesAsync(async s =>
        {
            var request = FundingTestSupport.BudgetCoaching();
            request.Phase = PhaseWord.Evaluation;
            request.Participants = "65";
            var revision = await s.GetRequiredService<ImpactkaartDb>().Projects.Where(p => p.Id == setup.Coaching.ProjectId).Select(p => p.Revision).SingleAsync();
            var saved = await s.GetRequiredService<ProjectStore>().SaveVersionAsync(setup.Provider, setup.Coaching.ProjectId, revision, request);
            Assert.Equal(SaveOutcome.Saved, saved.Outcome);
            return saved;
        });

        var dutch = await AgreementAsync(setup, "nl");
        Assert.Equal("participants", dutch.GetProperty("kind").GetString());
        Assert.Equal("Deelnemers bereikt", dutch.GetProperty("label").GetString());
        Assert.Equal((80.0, 80.0, 65.0), (dutch.GetProperty("target").GetDouble(), dutch.GetProperty("planned").GetDouble(), dutch.GetProperty("realised").GetDouble()));
        Assert.StartsWith("Bereikt: 65 van de afgesproken 80 deelnemers (81%), 15 minder.", dutch.GetProperty("difference").GetString(), StringComparison.Ordinal);
        var english = await AgreementAsync(setup, "en");
        Assert.Equal("Participants reached", english.GetProperty("label").GetString());
        Assert.Contains("65", english.GetProperty("difference").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("deelnemers", english.GetProperty("difference").GetString(), StringComparison.Ordinal);

        using var pdf = await setup.FunderSite.GetAsync("/financier/raadsrapportage.pdf?regeling=Welzijn%202026");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var body = string.Join(' ', CouncilReportTests.PagesOf(await pdf.Content.ReadAsByteArrayAsync()));
        var agreed = body[body.IndexOf("Resultaten tegen de afspraken", StringComparison.Ordinal)..];
        Assert.Contains("Deelnemers bereikt 80 80", agreed, StringComparison.Ordinal);
        // The difference wraps in its cell, so words of the cells beside it come in between: its words in their order.
        Assert.True(InOrder(agreed, "Bereikt: 65 van de afgesproken 80 deelnemers (81%), 15 minder."), agreed);

        using var xlsx = await setup.FunderSite.GetAsync("/financier/raadsrapportage.xlsx?regeling=Welzijn%202026");
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var row = Assert.Single(MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Afspraken").Cast<IDictionary<string, object?>>());
        Assert.Equal(80.0, Convert.ToDouble(row["Plan"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(65.0, Convert.ToDouble(row["Gerealiseerd"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("Bereikt: 65 van de afgesproken 80 deelnemers", (string)row["Verschil in woorden"]!, StringComparison.Ordinal);
    }

    /// <summary>Whether the words of <paramref name="sentence"/> appear in <paramref name="text"/> in their order, other words between them allowed.</summary>
    private static bool InOrder(string text, string sentence)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = 0;
        foreach (var word in sentence.Split(' '))
        {
            at = Array.IndexOf(words, word, at);
            if (at < 0)
            {
                return false;
            }
            at++;
        }
        return true;
    }

    private static async Task<System.Text.Json.JsonElement> AgreementAsync(FunderReadingSupport.Setup setup, string language)
    {
        using var response = await setup.FunderApi.GetAsync($"/api/v1/funder/projects/{setup.Coaching.Id}/agreements?taal={language}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single((await ApiProjectsTests.JsonAsync(response)).EnumerateArray());
    }
}

public sealed class SqliteFunderAgreementReadingTests(WebApp app) : FunderAgreementReadingTests(app), IClassFixture<WebApp>;

[Trait(Needs.Trait, Needs.Postgres)]
public sealed class PostgresFunderAgreementReadingTests(PostgresWebApp app) : FunderAgreementReadingTests(app), IClassFixture<PostgresWebApp>;
