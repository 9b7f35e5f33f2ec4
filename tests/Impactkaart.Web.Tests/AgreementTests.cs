using System.Net;
using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Funding;
using Impactkaart.Web.Features.Shared;
using Impactkaart.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Result agreements through the pages, as the funder and the provider use them: the funder proposes (the target
/// filled with the plan's expected value), the provider accepts, saves an evaluation and reports a count with a
/// story, and the funder reads target, plan and realised side by side with the difference in words, in Dutch and
/// English. Bad input comes back with messages naming the field and nothing typed is lost.
/// </summary>
public abstract class AgreementTests(WebApp app)
{
    private const string Propose = "Voorstellen aan de aanbieder";

    [Fact]
    public async Task A_funder_proposes_the_provider_accepts_and_the_evaluation_and_a_counted_story_fill_in_the_realised_values()
    {
        var (provider, funder, project, funding) = await ConnectedAsync("Cyclus");
        var funderClient = await SignedInAsync(funder);
        var page = $"/financier/projecten/{funding.Id}/afspraken";

        var empty = await funderClient.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var html = await empty.Content.ReadAsStringAsync();
        var form = HtmlForm.WithButton(html, Propose);
        // The default: participants, the plan's 80 as the target, due the day the plan ends (12 months from 1-1-2026).
        Assert.Equal("deelnemers", form["soort"]);
        Assert.Equal("80", form["doel"]);
        Assert.Equal("31-12-2026", form["datum"]);
        // Each outcome is offered with what the plan expects: 80 x 0.96 months x (1 - 0.25) x 0.75 = 43.2 months.
        Assert.Contains("Kortere bijstandsafhankelijkheid — plan: 43 maanden", Html.Text(html), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync(funderClient)).StatusCode);
        var outcome = HtmlForm.WithButton(await funderClient.GetStringAsync(page), Propose)
            .With("soort", "uitkomst:kortere-bijstand").With("doel", "").With("toelichting", "Graag per kwartaal een kort verslag.");
        Assert.Equal(HttpStatusCode.Redirect, (await outcome.SubmitAsync(funderClient)).StatusCode);
        var count = HtmlForm.WithButton(await funderClient.GetStringAsync(page), Propose)
            .With("soort", "aantal").With("omschrijving", "Huishoudens met een betalingsregeling").With("doel", "20").With("datum", "30-6-2027");
        Assert.Equal(HttpStatusCode.Redirect, (await count.SubmitAsync(funderClient)).StatusCode);

        var stored = await app.WithDbAsync((db, _) => db.ResultAgreements.AsNoTracking().Where(a => a.FundedProjectId == funding.Id).ToListAsync());
        Assert.Equal(80, stored.Single(a => a.Kind == AgreementKind.Participants).Target);
        // An empty target is the plan's expected value, rounded: 43.2 months → 43.
        Assert.Equal(43, stored.Single(a => a.Kind == AgreementKind.Outcome).Target);
        Assert.Equal(new DateOnly(2027, 6, 30), stored.Single(a => a.Kind == AgreementKind.Count).Due);
        Assert.All(stored, a => Assert.Null(a.AcceptedAt));

        var providerClient = await SignedInAsync(provider);
        var own = $"/projecten/{project}/afspraken";
        var proposals = await providerClient.GetStringAsync(own);
        Assert.Contains("Gemeente Cyclus", Html.Text(proposals), StringComparison.Ordinal);
        foreach (var label in new[] { "Deelnemers bereikt", "Kortere bijstandsafhankelijkheid", "Huishoudens met een betalingsregeling" })
        {
            var accepted = await HtmlForm.WithButton(await providerClient.GetStringAsync(own), "Aannemen " + label).SubmitAsync(providerClient);
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }
        var before = Html.Text(await funderClient.GetStringAsync(page));
        Assert.Contains("Nog geen evaluatie: de gerealiseerde waarde volgt zodra de aanbieder een evaluatie opslaat. In het plan stonden er 80.", before, StringComparison.Ordinal);
        Assert.Contains("Nog niet gemeld door de aanbieder.", before, StringComparison.Ordinal);

        await SaveEvaluationAsync(provider, project, participants: 65, measuredShorterAssistance: "1,2");
        var reported = await HtmlForm.WithButton(await providerClient.GetStringAsync(own), "Melden Huishoudens met een betalingsregeling")
            .With("aantal", "12").With("verhaal", "Twaalf gezinnen betalen weer af; twee wachten nog op hun schuldeiser.").SubmitAsync(providerClient);
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);

        var after = Html.Text(await funderClient.GetStringAsync(page));
        Assert.Contains("Bereikt: 65 van de afgesproken 80 deelnemers (81%), 15 minder. In het plan stonden er 80.", after, StringComparison.Ordinal);
        // Measured 1.2 months gross: 65 x 1.2 x (1 - 0.25) x 0.75 = 43.875 months against the agreed 43.
        Assert.Contains("Geschat: 44 maanden van de afgesproken 43 maanden (102%), 1 meer. Het plan verwachtte 43 maanden. "
            + "Een schatting: de deelnemers van de evaluatie maal het netto effect per deelnemer uit de gemeten waarde van de evaluatie.", after, StringComparison.Ordinal);
        Assert.Contains("Gemeld: 12 van de afgesproken 20 (60%), 8 minder.", after, StringComparison.Ordinal);
        Assert.Contains("Twaalf gezinnen betalen weer af; twee wachten nog op hun schuldeiser.", after, StringComparison.Ordinal);
        Assert.Contains("Graag per kwartaal een kort verslag.", after, StringComparison.Ordinal);

        var english = Html.Text(await funderClient.GetStringAsync(page + "?taal=en"));
        Assert.Contains("Reached: 65 of the agreed 80 participants (81%), 15 fewer. The plan had 80.", english, StringComparison.Ordinal);
        Assert.Contains("Estimated: 44 months of the agreed 43 months (102%), 1 more. The plan expected 43 months.", english, StringComparison.Ordinal);
        Assert.Contains("Shorter dependence on social assistance", english, StringComparison.Ordinal);
        Assert.Contains("Reported: 12 of the agreed 20 (60%), 8 fewer.", english, StringComparison.Ordinal);

        string[] codes = [FundingCodes.AgreementProposed, FundingCodes.AgreementAccepted, FundingCodes.AgreementReported];
        foreach (var organisation in new[] { provider.OrganisationId, funder.OrganisationId })
        {
            var log = (await app.AuditAsync(organisation)).Select(a => a.Action).ToList();
            Assert.All(codes, code => Assert.Contains(code, log));
            Assert.Equal(3, log.Count(a => a == FundingCodes.AgreementAccepted));
        }
    }

    [Fact]
    public async Task The_realised_outcome_without_a_measured_value_says_it_comes_from_the_reference_values()
    {
        var (provider, funder, project, funding) = await ConnectedAsync("Referentie");
        var proposed = await app.WithServicesAsync(s => s.GetRequiredService<Agreements>()
            .ProposeAsync(funder, funding.Id, new AgreementProposal("uitkomst:kortere-bijstand", null, null, "31-12-2026", null)));
        Assert.Equal(FundingOutcome.Done, proposed.Outcome);
        await SaveEvaluationAsync(provider, project, participants: 80, measuredShorterAssistance: null);

        var views = await app.WithServicesAsync(async s =>
        {
            var agreements = s.GetRequiredService<Agreements>();
            return await agreements.ForFundingAsync(funding, await agreements.BasisAsync(project));
        });

        var view = Assert.Single(views);
        Assert.False(view.Measured);
        // Nothing measured: the evaluation repeats the plan, 80 x 0.54 = 43.2 months, against the agreed 43.
        Assert.Equal(43.2m, Math.Round(view.Realised!.Value, 4));
        Assert.Equal(view.Planned, view.Realised);
        Assert.EndsWith("uit de referentiewaarden (in de evaluatie niet gemeten).", view.Difference.Nl, StringComparison.Ordinal);
        Assert.Contains("(100%), precies de afspraak.", view.Difference.Nl, StringComparison.Ordinal);
        Assert.EndsWith("from the reference values (not measured in the evaluation).", view.Difference.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_comes_back_with_a_message_naming_each_field_in_the_users_language_and_keeps_what_was_typed()
    {
        var (provider, funder, project, funding) = await ConnectedAsync("Fout");
        var funderClient = await SignedInAsync(funder);
        var page = $"/financier/projecten/{funding.Id}/afspraken";

        foreach (var (language, expected) in new[]
        {
            ("nl", new[] { "Omschrijving: zeg wat er geteld wordt", "Doel: 'veel' is geen getal.", "Datum: '31-02-2027' is geen geldige datum; schrijf dag-maand-jaar" }),
            ("en", new[] { "Description: say what is counted", "Target: 'veel' is not a number.", "Date: '31-02-2027' is not a valid date; write day-month-year" }),
        })
        {
            // The language switch, as a person uses it: the form posts back in the language it was shown in.
            await funderClient.GetAsync("/taal/" + language);
            var button = language == "nl" ? Propose : "Propose to the provider";
            var form = HtmlForm.WithButton(await funderClient.GetStringAsync(page), button);
            var response = await form.With("soort", "aantal").With("omschrijving", "").With("doel", "veel").With("datum", "31-02-2027")
                .With("toelichting", "Mijn toelichting blijft staan.").SubmitAsync(funderClient);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            var text = Html.Text(html);
            Assert.All(expected, message => Assert.Contains(message, text, StringComparison.Ordinal));
            var kept = HtmlForm.WithButton(html, button);
            Assert.Equal("aantal", kept["soort"]);
            Assert.Equal("veel", kept["doel"]);
            Assert.Equal("31-02-2027", kept["datum"]);
            Assert.Equal("Mijn toelichting blijft staan.", kept["toelichting"]);
        }
        await funderClient.GetAsync("/taal/nl");
        var zero = await HtmlForm.WithButton(await funderClient.GetStringAsync(page), Propose).With("doel", "0").SubmitAsync(funderClient);
        Assert.Contains("Doel: vul een getal in groter dan 0", Html.Text(await zero.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var half = await HtmlForm.WithButton(await funderClient.GetStringAsync(page), Propose).With("doel", "80,5").SubmitAsync(funderClient);
        Assert.Contains("Doel: deelnemers zijn hele mensen; vul een heel getal in, bijvoorbeeld 80.", Html.Text(await half.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.ResultAgreements.CountAsync(a => a.FundedProjectId == funding.Id)));

        // The provider's report: a count that is no number, the story kept.
        var proposed = await app.WithServicesAsync(s => s.GetRequiredService<Agreements>()
            .ProposeAsync(funder, funding.Id, new AgreementProposal("aantal", "Gezinnen met een plan", "20", "31-12-2026", null)));
        await app.WithServicesAsync(s => s.GetRequiredService<Agreements>().AcceptAsync(provider, project, proposed.Agreement!.Id));
        var providerClient = await SignedInAsync(provider);
        await providerClient.GetAsync("/taal/en");
        var report = await HtmlForm.WithButton(await providerClient.GetStringAsync($"/projecten/{project}/afspraken"), "Report Gezinnen met een plan")
            .With("aantal", "twaalf").With("verhaal", "Our story stays.").SubmitAsync(providerClient);
        Assert.Equal(HttpStatusCode.BadRequest, report.StatusCode);
        var reportHtml = await report.Content.ReadAsStringAsync();
        Assert.Contains("Number: 'twaalf' is not a number.", Html.Text(reportHtml), StringComparison.Ordinal);
        var again = HtmlForm.WithButton(reportHtml, "Report Gezinnen met een plan");
        Assert.Equal("twaalf", again["aantal"]);
        Assert.Equal("Our story stays.", again["verhaal"]);
        Assert.Null((await app.WithDbAsync((db, _) => db.ResultAgreements.AsNoTracking().SingleAsync(a => a.Id == proposed.Agreement!.Id))).RealisedAt);
    }

    [Fact]
    public async Task A_withdrawn_or_declined_proposal_is_gone_and_both_logs_say_so()
    {
        var (provider, funder, project, funding) = await ConnectedAsync("Weg");
        var service = (IServiceProvider s) => s.GetRequiredService<Agreements>();
        var first = await app.WithServicesAsync(s => service(s).ProposeAsync(funder, funding.Id, new AgreementProposal("deelnemers", null, "80", "31-12-2026", null)));
        var second = await app.WithServicesAsync(s => service(s).ProposeAsync(funder, funding.Id, new AgreementProposal("deelnemers", null, "90", "31-12-2026", null)));

        var funderClient = await SignedInAsync(funder);
        var withdrawn = await HtmlForm.WithButton(await funderClient.GetStringAsync($"/financier/projecten/{funding.Id}/afspraken"), "Voorstel intrekken Deelnemers bereikt")
            .SubmitAsync(funderClient);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var providerClient = await SignedInAsync(provider);
        var declined = await HtmlForm.WithButton(await providerClient.GetStringAsync($"/projecten/{project}/afspraken"), "Afwijzen Deelnemers bereikt")
            .SubmitAsync(providerClient);
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);

        Assert.Equal(0, await app.WithDbAsync((db, _) => db.ResultAgreements.CountAsync(a => a.Id == first.Agreement!.Id || a.Id == second.Agreement!.Id)));
        Assert.Contains("Er zijn nog geen afspraken voorgesteld.", Html.Text(await providerClient.GetStringAsync($"/projecten/{project}/afspraken")), StringComparison.Ordinal);
        foreach (var organisation in new[] { provider.OrganisationId, funder.OrganisationId })
        {
            var log = await app.AuditAsync(organisation);
            Assert.Contains(log, a => a.Action == FundingCodes.AgreementWithdrawn && a.Subject.Contains("Deelnemers bereikt", StringComparison.Ordinal));
            Assert.Contains(log, a => a.Action == FundingCodes.AgreementDeclined);
        }
        var inProviderLog = (await app.AuditAsync(provider.OrganisationId)).Single(a => a.Action == FundingCodes.AgreementWithdrawn);
        Assert.Equal($"{funder.DisplayName} (Gemeente Weg)", inProviderLog.MemberName);
    }

    /// <summary>A provider with the budget-coaching example (80 participants, start 1-1-2026) connected to a funder that accepted it.</summary>
    private async Task<(Member Provider, Member Funder, Guid Project, FundedProject Funding)> ConnectedAsync(string name)
    {
        var provider = await app.OrganisationAsync("Welzijn " + name, funder: false);
        var funder = await app.OrganisationAsync("Gemeente " + name, funder: true);
        var project = await app.ProjectAsync(provider, FundingTestSupport.BudgetCoaching());
        return (provider, funder, project, await app.ConnectAsync(provider, project, funder));
    }

    private async Task<HttpClient> SignedInAsync(Member member)
    {
        var client = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await AccountTestSupport.SignInAsync(client, member.Email!)).StatusCode);
        return client;
    }

    /// <summary>Saves an evaluation of the example as the save page does: fewer participants, optionally a measured shorter assistance.</summary>
    private Task<SaveResult> SaveEvaluationAsync(Member provider, Guid project, int participants, string? measuredShorterAssistance) =>
        app.WithServicesAsync(async s =>
        {
            var request = FundingTestSupport.BudgetCoaching();
            request.Phase = PhaseWord.Evaluation;
            request.Participants = participants.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (measuredShorterAssistance is not null)
            {
                request.Measured["kortere-bijstand"] = measuredShorterAssistance;
            }
            var revision = await s.GetRequiredService<ImpactkaartDb>().Projects.Where(p => p.Id == project).Select(p => p.Revision).SingleAsync();
            var saved = await s.GetRequiredService<ProjectStore>().SaveVersionAsync(provider, project, revision, request);
            Assert.Equal(SaveOutcome.Saved, saved.Outcome);
            return saved;
        });
}

public sealed class SqliteAgreementTests(WebApp app) : AgreementTests(app), IClassFixture<WebApp>;

[Trait(Needs.Trait, Needs.Postgres)]
public sealed class PostgresAgreementTests(PostgresWebApp app) : AgreementTests(app), IClassFixture<PostgresWebApp>;
