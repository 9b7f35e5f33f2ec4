using Impactkaart.Engine.Model;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Portfolio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Saved projects for the portfolio and share tests, written straight into the test app's database as a save
/// makes them: the version's input is a valid project file and the figures are the engine's for it.
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
        var model = scope.ServiceProvider.GetRequiredService<ImpactModel>();
        var member = await db.Users.SingleAsync(m => m.Email == email);
        var now = DateTime.UtcNow;
        var added = new List<Project>();
        foreach (var (name, reference, participants, cost, year, phase) in wanted)
        {
            var start = new DateOnly(year, 3, 1);
            var plan = SampleProjects.Request(name, reference, participants, cost, start);
            var evaluation = phase == "evaluatie" ? SampleProjects.Request(name, reference, participants - 5, cost * 1.1m, start, "evaluatie") : null;
            var (project, versions) = SampleProjects.Build(model, member, plan, evaluation, now);
            project.DeletedAt = deleted ? now : null;
            db.Projects.Add(project);
            db.ProjectVersions.AddRange(versions);
            added.Add(project);
        }
        await db.SaveChangesAsync();
        return added;
    }
}
