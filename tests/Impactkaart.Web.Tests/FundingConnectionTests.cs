using System.Net;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The connection pages over HTTP: an admin makes the organisation a funder; a provider finds a funder by name (with
/// its admins' email domain), connects a project under a scheme and neighbourhoods, and disconnects it; the funder's
/// admin accepts or declines on /financier/aanbieders while its members read along; any member of the provider ends a
/// relation on /organisatie; both audit logs say what happened. Bad input gets a message naming the field, in both languages.
/// </summary>
public sealed class FundingConnectionTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task An_admin_makes_the_organisation_also_a_funder_and_the_log_says_so()
    {
        var admin = await app.OrganisationAsync("Welzijn Wordt Financier", funder: false);
        using var client = await app.SignedInAsync(admin);
        var page = WebApp.VisibleText(await client.GetStringAsync("/organisatie"));
        Assert.Contains("Soort organisatie", page, StringComparison.Ordinal);
        Assert.Contains("Wij voeren projecten uit", page, StringComparison.Ordinal);
        Assert.Contains("Wij financieren projecten (gemeente, fonds, zorgverzekeraar)", page, StringComparison.Ordinal);

        var saved = await FundingConnectionSupport.PostAsync(client, "/organisatie?handler=Kind", ("aanbieder", "ja"), ("financier", "ja"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/organisatie?gedaan=soort", saved.Headers.Location!.OriginalString);
        var organisation = await app.WithDbAsync((db, _) => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == admin.OrganisationId));
        Assert.True(organisation.IsProvider);
        Assert.True(organisation.IsFunder);
        var entry = (await app.AuditAsync(admin.OrganisationId)).Single(a => a.Action == "organisation.kind-changed");
        Assert.Equal("aanbieder → aanbieder en financier", entry.Detail);
        var log = WebApp.VisibleText(await client.GetStringAsync("/organisatie/logboek"));
        Assert.Contains("Soort organisatie gewijzigd (aanbieder, financier)", log, StringComparison.Ordinal);
        // A funder now finds its providers' page from the organisation page.
        Assert.Contains("href=\"/financier/aanbieders\"", await client.GetStringAsync("/organisatie"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "Soort organisatie: kies minstens één: u voert projecten uit, u financiert ze, of allebei.")]
    [InlineData("en", "Kind of organisation: choose at least one: you run projects, you fund them, or both.")]
    public async Task Turning_off_both_kinds_names_the_field_and_changes_nothing(string language, string message)
    {
        var admin = await app.OrganisationAsync("Welzijn Geen Soort " + language, funder: false);
        using var client = await app.SignedInAsync(admin, language);

        var refused = await FundingConnectionSupport.PostAsync(client, "/organisatie?handler=Kind");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains(message, WebApp.VisibleText(html), StringComparison.Ordinal);
        Assert.Contains("href=\"#soort\"", html, StringComparison.Ordinal);
        var organisation = await app.WithDbAsync((db, _) => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == admin.OrganisationId));
        Assert.True(organisation.IsProvider);
        Assert.False(organisation.IsFunder);
        Assert.DoesNotContain(await app.AuditAsync(admin.OrganisationId), a => a.Action == "organisation.kind-changed");
    }

    [Fact]
    public async Task A_member_who_is_not_admin_reads_the_kind_but_cannot_change_it()
    {
        var admin = await app.OrganisationAsync("Welzijn Alleen Lezen", funder: false);
        var member = await app.ColleagueAsync(admin, "Lid Alleen Lezen");
        using var client = await app.SignedInAsync(member);

        var page = WebApp.VisibleText(await client.GetStringAsync("/organisatie"));
        var refused = await FundingConnectionSupport.PostAsync(client, "/organisatie?handler=Kind", ("financier", "ja"));

        Assert.Contains("Uw organisatie voert projecten uit. Alleen een beheerder kan dit wijzigen.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(await app.WithDbAsync((db, _) => db.Organisations.Where(o => o.Id == admin.OrganisationId).Select(o => o.IsFunder).SingleAsync()));
    }

    [Fact]
    public async Task A_provider_tells_two_funders_of_the_same_name_apart_by_their_admins_email_domain_and_connects_a_project()
    {
        var real = await app.FunderAsync("Gemeente Zoekstad", $"beheer-{Guid.NewGuid():N}@zoekstad.nl");
        await app.FunderAsync("Gemeente Zoekstad", $"iemand-{Guid.NewGuid():N}@nep-zoekstad.example");
        var provider = await app.OrganisationAsync("Welzijn Zoekt", funder: false);
        var project = await app.ProjectAsync(provider, FundingTestSupport.BudgetCoaching());
        using var client = await app.SignedInAsync(provider);

        var found = WebApp.VisibleText(await client.GetStringAsync($"/projecten/{project}/financiers?zoek=zoekstad"));
        Assert.Contains("Gemeente Zoekstad · zoekstad.nl", found, StringComparison.Ordinal);
        Assert.Contains("Gemeente Zoekstad · nep-zoekstad.example", found, StringComparison.Ordinal);
        Assert.Contains("Iedereen kan zich \"Gemeente …\" noemen: kies de financier met het domein dat u van hem kent.", found, StringComparison.Ordinal);

        var connected = await FundingConnectionSupport.PostAsync(client, $"/projecten/{project}/financiers",
            ("zoek", "zoekstad"), ("financier", real.OrganisationId.ToString()), ("regeling", "Welzijn 2026"), ("wijken", "Noord\r\nOost; noord"));

        Assert.Equal(HttpStatusCode.Redirect, connected.StatusCode);
        Assert.Equal($"/projecten/{project}/financiers?gedaan=gevraagd", connected.Headers.Location!.OriginalString);
        var funding = await app.WithDbAsync((db, _) => db.FundedProjects.AsNoTracking().SingleAsync(f => f.ProjectId == project));
        Assert.Equal(real.OrganisationId, funding.FunderId);
        Assert.Equal("Welzijn 2026", funding.Scheme);
        Assert.Equal("Noord; Oost", funding.Neighbourhoods);
        var after = WebApp.VisibleText(await client.GetStringAsync($"/projecten/{project}/financiers?gedaan=gevraagd"));
        Assert.Contains("Gemeente Zoekstad Regeling: Welzijn 2026 · wijken: Noord, Oost Wacht op akkoord van de financier", after, StringComparison.Ordinal);
        Assert.Contains("De financier ziet het zodra een beheerder van de financier uw organisatie accepteert", after, StringComparison.Ordinal);
        // The project's page lists it, links to the connections, and has no agreements to show before the funder accepts.
        var projectPage = await client.GetStringAsync($"/projecten/{project}");
        Assert.Contains("Gemeente Zoekstad · regeling Welzijn 2026 · wacht op akkoord van de financier", WebApp.VisibleText(projectPage), StringComparison.Ordinal);
        Assert.Contains($"href=\"/projecten/{project}/financiers\"", projectPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"/projecten/{project}/afspraken", projectPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "Kies een financier uit de lijst.", "Regeling: vul de naam in van de subsidieregeling")]
    [InlineData("en", "Choose a funder from the list.", "Scheme: enter the name of the subsidy scheme")]
    public async Task Connecting_without_a_funder_or_a_scheme_names_both_fields_and_keeps_what_was_typed(string language, string funderMessage, string schemeMessage)
    {
        await app.FunderAsync("Gemeente Leegveld " + language, $"beheer-{Guid.NewGuid():N}@leegveld.nl");
        var provider = await app.OrganisationAsync("Welzijn Vergeet " + language, funder: false);
        var project = await app.ProjectAsync(provider, FundingTestSupport.HomeVisits());
        using var client = await app.SignedInAsync(provider, language);

        var refused = await FundingConnectionSupport.PostAsync(client, $"/projecten/{project}/financiers",
            ("zoek", "leegveld " + language), ("regeling", "  "), ("wijken", "Centrum"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        var text = WebApp.VisibleText(html);
        Assert.Contains(funderMessage, text, StringComparison.Ordinal);
        Assert.Contains(schemeMessage, text, StringComparison.Ordinal);
        Assert.Contains("href=\"#financier\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#regeling\"", html, StringComparison.Ordinal);
        // The search's matches are offered again, with the neighbourhoods as typed.
        Assert.Contains("Gemeente Leegveld " + language + " · leegveld.nl", text, StringComparison.Ordinal);
        Assert.Contains(">Centrum</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.FundedProjects.CountAsync(f => f.ProjectId == project)));
    }

    [Fact]
    public async Task A_scheme_too_long_a_one_letter_search_and_a_search_without_matches_each_get_their_message()
    {
        var funder = await app.FunderAsync("Gemeente Lang", $"beheer-{Guid.NewGuid():N}@lang.nl");
        var provider = await app.OrganisationAsync("Welzijn Te Lang", funder: false);
        var project = await app.ProjectAsync(provider, FundingTestSupport.HomeVisits());
        using var client = await app.SignedInAsync(provider);

        var tooLong = await FundingConnectionSupport.PostAsync(client, $"/projecten/{project}/financiers",
            ("zoek", "gemeente lang"), ("financier", funder.OrganisationId.ToString()), ("regeling", new string('r', FundedProject.MaxScheme + 1)));
        var oneLetter = WebApp.VisibleText(await client.GetStringAsync($"/projecten/{project}/financiers?zoek=g"));
        var nothing = WebApp.VisibleText(await client.GetStringAsync($"/projecten/{project}/financiers?zoek=Atlantis"));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Regeling: gebruik hoogstens 200 tekens.", WebApp.VisibleText(await tooLong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Zoeken: typ minstens 2 letters van de naam van de financier.", oneLetter, StringComparison.Ordinal);
        Assert.Contains("Geen financier gevonden met \"Atlantis\".", nothing, StringComparison.Ordinal);
        Assert.Contains("\"Wij financieren projecten\" aan", nothing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_funders_admin_accepts_a_request_and_the_provider_sees_its_projects_visible_with_a_link_to_the_agreements()
    {
        var funder = await app.OrganisationAsync("Gemeente Akkoordstad", funder: true);
        var provider = await app.OrganisationAsync("Welzijn Vraagt", funder: false);
        var coaching = await app.ProjectAsync(provider, FundingTestSupport.BudgetCoaching());
        var visits = await app.ProjectAsync(provider, FundingTestSupport.HomeVisits());
        await app.ConnectAsync(provider, coaching, funder, "Welzijn 2026", "Noord", accept: false);
        await app.ConnectAsync(provider, visits, funder, "Ouderen 2026", accept: false);
        using var funderClient = await app.SignedInAsync(funder);

        var requests = WebApp.VisibleText(await funderClient.GetStringAsync("/financier/aanbieders"));
        Assert.Contains($"Welzijn Vraagt Gevraagd door {provider.DisplayName} op ", requests, StringComparison.Ordinal);
        Assert.Contains("Budgetcoaching Noord · regeling Welzijn 2026 · wijken Noord", requests, StringComparison.Ordinal);
        Assert.Contains("Huisbezoek 75+ Oost · regeling Ouderen 2026", requests, StringComparison.Ordinal);
        Assert.Contains("U heeft nog geen aanbieder geaccepteerd.", requests, StringComparison.Ordinal);

        var relation = await app.RelationAsync(provider, funder);
        var accepted = await FundingConnectionSupport.PostAsync(funderClient, "/financier/aanbieders?handler=Accept", ("relatie", relation.Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var after = WebApp.VisibleText(await funderClient.GetStringAsync("/financier/aanbieders?gedaan=geaccepteerd"));
        Assert.Contains("De aanbieder is geaccepteerd.", after, StringComparison.Ordinal);
        Assert.Contains("Er wachten geen verzoeken.", after, StringComparison.Ordinal);
        Assert.Matches("Welzijn Vraagt Geaccepteerd op \\d{2}-\\d{2}-\\d{4} · 2 gekoppelde projecten", after);
        Assert.Equal(2, (await app.FunderRowsAsync(funder)).Count);

        using var providerClient = await app.SignedInAsync(provider);
        var connections = WebApp.VisibleText(await providerClient.GetStringAsync($"/projecten/{coaching}/financiers"));
        Assert.Matches("Gemeente Akkoordstad Regeling: Welzijn 2026 · wijken: Noord Zichtbaar voor de financier sinds \\d{2}-\\d{2}-\\d{4}", connections);
        var projectPage = await providerClient.GetStringAsync($"/projecten/{coaching}");
        Assert.Contains($"href=\"/projecten/{coaching}/afspraken\"", projectPage, StringComparison.Ordinal);
        Assert.Contains("Resultaatafspraken", projectPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_funders_member_who_is_not_admin_reads_the_requests_but_cannot_accept()
    {
        var funder = await app.OrganisationAsync("Gemeente Meelees", funder: true);
        var member = await app.ColleagueAsync(funder, "Lid Meelees");
        var provider = await app.OrganisationAsync("Welzijn Wacht", funder: false);
        await app.ConnectAsync(provider, await app.ProjectAsync(provider, FundingTestSupport.BudgetCoaching()), funder, accept: false);
        using var client = await app.SignedInAsync(member);

        var html = await client.GetStringAsync("/financier/aanbieders");
        var relation = await app.RelationAsync(provider, funder);
        var refused = await FundingConnectionSupport.PostAsync(client, "/financier/aanbieders?handler=Accept", ("relatie", relation.Id.ToString()));

        Assert.Contains("Welzijn Wacht", WebApp.VisibleText(html), StringComparison.Ordinal);
        Assert.Contains("Een beheerder van uw organisatie beslist over verzoeken en samenwerkingen.", WebApp.VisibleText(html), StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Accept", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null((await app.RelationAsync(provider, funder)).AcceptedAt);
    }

    [Fact]
    public async Task Declining_a_request_removes_its_connections_and_both_audit_logs_show_who_did_what()
    {
        var funder = await app.OrganisationAsync("Gemeente Nee", funder: true);
        var provider = await app.OrganisationAsync("Welzijn Afgewezen", funder: false);
        var project = await app.ProjectAsync(provider, FundingTestSupport.BudgetCoaching());
        await app.ConnectAsync(provider, project, funder, accept: false);
        using var funderClient = await app.SignedInAsync(funder);
        var relation = await app.RelationAsync(provider, funder);

        var declined = await FundingConnectionSupport.PostAsync(funderClient, "/financier/aanbieders?handler=End", ("relatie", relation.Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal("/financier/aanbieders?gedaan=afgewezen", declined.Headers.Location!.OriginalString);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.FundedProjects.CountAsync(f => f.ProjectId == project)));
        using var providerClient = await app.SignedInAsync(provider);
        var providerLog = WebApp.VisibleText(await providerClient.GetStringAsync("/organisatie/logboek"));
        Assert.Contains($"{funder.DisplayName} (Gemeente Nee) Verzoek van aanbieder afgewezen Gemeente Nee · 1 project ontkoppeld", providerLog, StringComparison.Ordinal);
        Assert.Contains($"{provider.DisplayName} Project gekoppeld aan financier Budgetcoaching Noord → Gemeente Nee · regeling Welzijn 2026", providerLog, StringComparison.Ordinal);
        var funderLog = WebApp.VisibleText(await funderClient.GetStringAsync("/organisatie/logboek"));
        Assert.Contains($"{provider.DisplayName} (Welzijn Afgewezen) Project gekoppeld aan financier Welzijn Afgewezen: Budgetcoaching Noord · regeling Welzijn 2026", funderLog, StringComparison.Ordinal);
        Assert.Contains($"{funder.DisplayName} Verzoek van aanbieder afgewezen Welzijn Afgewezen · 1 project ontkoppeld", funderLog, StringComparison.Ordinal);
        // The provider's project page no longer lists the funder.
        Assert.Contains("Dit project is aan geen financier gekoppeld.", WebApp.VisibleText(await providerClient.GetStringAsync($"/projecten/{project}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_disconnects_one_of_two_projects_and_the_funder_keeps_only_the_other()
    {
        var funder = await app.OrganisationAsync("Gemeente Half", funder: true);
        var provider = await app.OrganisationAsync("Welzijn Half", funder: false);
        var coaching = await app.ProjectAsync(provider, FundingTestSupport.BudgetCoaching());
        var visits = await app.ProjectAsync(provider, FundingTestSupport.HomeVisits());
        var funding = await app.ConnectAsync(provider, coaching, funder);
        await app.ConnectAsync(provider, visits, funder);
        using var client = await app.SignedInAsync(provider);

        var page = WebApp.VisibleText(await client.GetStringAsync($"/projecten/{coaching}/financiers"));
        Assert.Contains("Gemeente Half ziet de kaart van dit project dan niet meer, en de resultaatafspraken over dit project worden verwijderd.", page, StringComparison.Ordinal);
        var disconnected = await FundingConnectionSupport.PostAsync(client, $"/projecten/{coaching}/financiers?handler=Disconnect", ("koppeling", funding.Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, disconnected.StatusCode);
        Assert.Equal(visits, Assert.Single(await app.FunderRowsAsync(funder)).ProjectId);
        var after = WebApp.VisibleText(await client.GetStringAsync($"/projecten/{coaching}/financiers?gedaan=ontkoppeld"));
        Assert.Contains("Het project is ontkoppeld. De financier ziet de kaart en de resultaatafspraken niet meer.", after, StringComparison.Ordinal);
        Assert.Contains("Dit project is nog aan geen financier gekoppeld.", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_member_of_the_provider_ends_the_relation_with_a_funder_on_the_organisation_page()
    {
        var funder = await app.OrganisationAsync("Gemeente Einde", funder: true);
        var provider = await app.OrganisationAsync("Welzijn Stopt", funder: false);
        var member = await app.ColleagueAsync(provider, "Lid Stopt");
        await app.ConnectAsync(provider, await app.ProjectAsync(provider, FundingTestSupport.BudgetCoaching()), funder);
        using var client = await app.SignedInAsync(member, "en");

        var page = WebApp.VisibleText(await client.GetStringAsync("/organisatie"));
        Assert.Matches("Gemeente Einde Accepted on \\d{2}-\\d{2}-\\d{4} Budgetcoaching Noord · scheme Welzijn 2026", page);
        Assert.Contains("All projects are then disconnected from Gemeente Einde: the funder no longer sees their maps and the result agreements are removed.", page, StringComparison.Ordinal);
        var relation = await app.RelationAsync(provider, funder);
        var ended = await FundingConnectionSupport.PostAsync(client, "/organisatie?handler=EndFunder", ("relatie", relation.Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Empty(await app.FunderRowsAsync(funder));
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.FunderRelations.CountAsync(r => r.ProviderId == provider.OrganisationId)));
        Assert.Contains("The relation has ended.", WebApp.VisibleText(await client.GetStringAsync("/organisatie?gedaan=financier-beeindigd")), StringComparison.Ordinal);
        Assert.Equal(FundingCodes.Ended, (await app.AuditAsync(funder.OrganisationId)).Last().Action);
    }

    [Fact]
    public async Task The_funders_admin_ends_an_accepted_relation_and_no_longer_sees_its_projects()
    {
        var funder = await app.OrganisationAsync("Gemeente Klaar", funder: true);
        var provider = await app.OrganisationAsync("Welzijn Klaar", funder: false);
        await app.ConnectAsync(provider, await app.ProjectAsync(provider, FundingTestSupport.BudgetCoaching()), funder);
        using var client = await app.SignedInAsync(funder);
        var relation = await app.RelationAsync(provider, funder);

        var ended = await FundingConnectionSupport.PostAsync(client, "/financier/aanbieders?handler=End", ("relatie", relation.Id.ToString()));

        Assert.Equal("/financier/aanbieders?gedaan=beeindigd", ended.Headers.Location!.OriginalString);
        Assert.Empty(await app.FunderRowsAsync(funder));
        Assert.Contains("De samenwerking is beëindigd.", WebApp.VisibleText(await client.GetStringAsync("/financier/aanbieders?gedaan=beeindigd")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "Uw organisatie staat op de Impactkaart (nog) niet als financier.", "\"Wij financieren projecten\" aan")]
    [InlineData("en", "Your organisation is not (yet) on the Impactkaart as a funder.", "turns on \"We fund projects\"")]
    public async Task An_organisation_that_is_not_a_funder_is_told_how_to_become_one(string language, string notFunder, string how)
    {
        var provider = await app.OrganisationAsync("Welzijn Geen Financier " + language, funder: false);
        using var client = await app.SignedInAsync(provider, language);

        using var response = await client.GetAsync("/financier/aanbieders");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = WebApp.VisibleText(await response.Content.ReadAsStringAsync());
        Assert.Contains(notFunder, text, StringComparison.Ordinal);
        Assert.Contains(how, text, StringComparison.Ordinal);
    }
}
