using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Portfolio;
using Impactkaart.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Saved projects for the portfolio and share tests, through the app's own save (ProjectStore): a valid project
/// file per version, the engine's figures, an audit entry.
/// </summary>
internal static class PortfolioProjects
{
    /// <summary>One project of the organisation of <paramref name="email"/>; an evaluation adds a second version.</summary>
    public static async Task<Project> AddAsync(WebApp app, string email, string name, string reference = "budgetcoaching",
        int participants = 80, decimal cost = 90_000m, int year = 2025, string phase = "plan", bool deleted = false)
    {
        var projects = await AddManyAsync(app, email, [(name, reference, participants, cost, year, phase)], deleted);
        return projects[0];
    }

    public static async Task<List<Project>> AddManyAsync(WebApp app, string email,
        IEnumerable<(string Name, string Reference, int Participants, decimal Cost, int Year, string Phase)> wanted, bool deleted = false)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ImpactkaartDb>();
        var store = scope.ServiceProvider.GetRequiredService<ProjectStore>();
        var member = await db.Users.AsNoTracking().SingleAsync(m => m.Email == email);
        var ids = new List<Guid>();
        foreach (var (name, reference, participants, cost, year, phase) in wanted)
        {
            // Saved as a member saves a map: a plan, and for an evaluation a second version with real figures.
            var start = new DateOnly(year, 3, 1);
            var created = await store.CreateAsync(member, SampleProjects.Request(name, reference, participants, cost, start));
            var project = created.Project ?? throw new InvalidOperationException($"Saving {name} gave {created.Outcome}.");
            if (phase == "evaluatie")
            {
                var evaluation = SampleProjects.Request(name, reference, participants - 5, cost * 1.1m, start, "evaluatie");
                var saved = await store.SaveVersionAsync(member, project.Id, project.Revision, evaluation);
                Assert.Equal(SaveOutcome.Saved, saved.Outcome);
            }
            if (deleted)
            {
                Assert.True(await store.DeleteAsync(member, project.Id));
            }
            ids.Add(project.Id);
        }
        var rows = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        return [.. ids.Select(id => rows[id])];
    }
}
