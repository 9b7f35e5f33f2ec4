using System.Globalization;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Accounts;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Portfolio;

/// <summary>
/// For the portfolio's speed measurement (load/portfolio.sh) only: fills the signed-in member's organisation with
/// many realistic projects. Exists only when the setting <c>LoadTest:SeedProjects</c> is true; otherwise, as in
/// every normal start, the address is "not found".
/// </summary>
public sealed class LoadSeedModel(ImpactkaartDb db, CurrentMember current, ImpactModel model, IConfiguration configuration,
    TimeProvider clock, RequestLanguage language) : AccountPage(language)
{
    public const string Setting = "LoadTest:SeedProjects";
    public const int MaxProjects = 50_000;
    private const int Batch = 1_000;

    public int Added { get; private set; }

    private bool Enabled => configuration.GetValue(Setting, false);

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
            return Invalid();
        }
        var member = await current.RequireAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var references = model.ReferenceProjects.Select(r => r.Id).ToArray();
        int[] participants = [12, 25, 40, 60, 80, 120, 200];
        decimal[] costs = [15_000m, 30_000m, 45_000m, 90_000m, 150_000m, 240_000m];
        string[] places = ["Noord", "Zuid", "Oost", "West", "Centrum", "De Buurt", "Het Dorp", "Stad"];
        for (var first = 0; first < count; first += Batch)
        {
            for (var i = first; i < Math.Min(count, first + Batch); i++)
            {
                // A spread like a real organisation's: every reference project, eight start years, a third evaluated.
                var reference = references[i % references.Length];
                var label = model.FindReferenceProject(reference)!.Label.Nl;
                var start = new DateOnly(2019 + (i * 7 % 8), 1 + (i % 12), 1);
                var name = $"{label} {places[i / references.Length % places.Length]} {i + 1:00000}";
                var (planned, cost) = (participants[i % participants.Length], costs[i * 5 % costs.Length]);
                var plan = SampleProjects.Request(name, reference, planned, cost, start);
                var evaluation = i % 3 == 0 ? SampleProjects.Request(name, reference, planned - 3, cost * 1.05m, start, PhaseWord.Evaluation) : null;
                var (project, versions) = SampleProjects.Build(model, member, plan, evaluation, now.AddMinutes(-i));
                db.Projects.Add(project);
                db.ProjectVersions.AddRange(versions);
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        Added = count;
        return Page();
    }
}
