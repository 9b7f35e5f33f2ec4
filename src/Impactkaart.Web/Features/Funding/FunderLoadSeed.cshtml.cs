using System.Globalization;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Accounts;
using Impactkaart.Web.Features.Portfolio;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Funding;

/// <summary>
/// For the funder portfolio's speed measurement (load/funder-portfolio.sh) only: makes the signed-in member's
/// organisation a funder and connects to it many realistic projects of many new providers, each relation accepted.
/// Exists only when the setting <c>LoadTest:SeedProjects</c> is true (as the portfolio's seeding page); otherwise,
/// as in every normal start, the address is "not found".
/// </summary>
public sealed class FunderLoadSeedModel(ImpactkaartDb db, CurrentMember current, ImpactModel model, IConfiguration configuration,
    TimeProvider clock, RequestLanguage language) : AccountPage(language)
{
    public const int MaxProjects = 10_000;
    public const int MaxProviders = 500;

    public int Added { get; private set; }

    private bool Enabled => configuration.GetValue(LoadSeedModel.Setting, false);

    public IActionResult OnGet() => Enabled ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return NotFound();
        }
        if (!int.TryParse(Posted("aantal"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > MaxProjects)
        {
            Error("aantal", $"Vul een aantal projecten in van 1 tot {MaxProjects}.", $"Enter a number of projects from 1 to {MaxProjects}.");
        }
        if (!int.TryParse(Posted("aanbieders"), NumberStyles.None, CultureInfo.InvariantCulture, out var providers) || providers is < 1 or > MaxProviders)
        {
            Error("aanbieders", $"Vul een aantal aanbieders in van 1 tot {MaxProviders}.", $"Enter a number of providers from 1 to {MaxProviders}.");
        }
        if (Errors.Count > 0)
        {
            return Invalid();
        }
        var member = await current.RequireAsync(cancellationToken);
        var funder = await db.Organisations.SingleAsync(o => o.Id == member.OrganisationId, cancellationToken);
        funder.IsFunder = true;
        var now = clock.GetUtcNow().UtcDateTime;
        var references = model.ReferenceProjects.Select(r => r.Id).ToArray();
        int[] participants = [12, 25, 40, 60, 80, 120, 200];
        decimal[] costs = [15_000m, 30_000m, 45_000m, 90_000m, 150_000m, 240_000m];
        string[] places = ["Noord", "Zuid", "Oost", "West", "Centrum", "De Buurt", "Het Dorp", "Stad"];
        string[] schemes = ["Subsidieregeling Welzijn 2026", "Preventieakkoord", "Armoede en schulden", "Wmo-subsidie"];
        var staff = new List<Member>();
        for (var p = 0; p < providers; p++)
        {
            var provider = new Organisation { Id = Guid.CreateVersion7(), Name = $"Welzijn Proef {p + 1:000}", CreatedAt = now, IsProvider = true };
            db.Organisations.Add(provider);
            db.FunderRelations.Add(new FunderRelation
            {
                Id = Guid.NewGuid(), ProviderId = provider.Id, FunderId = funder.Id, RequestedBy = Guid.Empty, RequestedByName = "Proef",
                RequestedAt = now, AcceptedAt = now, AcceptedBy = member.Id, AcceptedByName = member.DisplayName,
            });
            // Nobody signs in as these: a member in memory only names who saved the versions.
            staff.Add(new Member { Id = Guid.CreateVersion7(), OrganisationId = provider.Id, DisplayName = "Medewerker " + provider.Name });
        }
        await db.SaveChangesAsync(cancellationToken);
        for (var first = 0; first < count; first += 500)
        {
            for (var i = first; i < Math.Min(count, first + 500); i++)
            {
                // A spread like a real portfolio's: every reference project, eight start years, a third evaluated.
                var by = staff[i % providers];
                var reference = references[i % references.Length];
                var label = model.FindReferenceProject(reference)!.Label.Nl;
                var start = new DateOnly(2019 + (i * 7 % 8), 1 + (i % 12), 1);
                var place = places[i / references.Length % places.Length];
                var (planned, cost) = (participants[i % participants.Length], costs[i * 5 % costs.Length]);
                var plan = SampleProjects.Request($"{label} {place} {i + 1:00000}", reference, planned, cost, start);
                var evaluation = i % 3 == 0 ? SampleProjects.Request(plan.Name!, reference, planned - 3, cost * 1.05m, start, PhaseWord.Evaluation) : null;
                var (project, versions) = SampleProjects.Build(model, by, plan, evaluation, now.AddMinutes(-i));
                db.Projects.Add(project);
                db.ProjectVersions.AddRange(versions);
                db.FundedProjects.Add(new FundedProject
                {
                    Id = Guid.NewGuid(), ProjectId = project.Id, ProviderId = by.OrganisationId, FunderId = funder.Id,
                    Scheme = schemes[i % schemes.Length], Neighbourhoods = place, ConnectedBy = by.Id, ConnectedByName = by.DisplayName, ConnectedAt = now,
                });
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        Added = count;
        return Page();
    }
}
