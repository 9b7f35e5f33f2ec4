using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Impactkaart.Web.Features.Projects;

/// <summary>How a save ended; every outcome a user can meet is a value here, never an exception.</summary>
public enum SaveOutcome
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
    DiskFull,
}

/// <summary>
/// The result of a save: the project and its new version, or the field messages (Invalid), or who saved in
/// between (Conflict: <see cref="Newest"/> and the project's current revision).
/// </summary>
public sealed record SaveResult(SaveOutcome Outcome, Project? Project = null, ProjectVersion? Version = null,
    IReadOnlyList<FieldError>? Errors = null, ProjectVersion? Newest = null)
{
    public IReadOnlyList<FieldError> FieldErrors => Errors ?? [];
}

/// <summary>
/// Every read and write of saved projects, always within one organisation: a deleted project or another
/// organisation's id is simply not found. A save computes the map with the running model, adds a version and
/// updates the project row (what the portfolio sums) and the audit log in one transaction; a save based on an older
/// revision is refused, and a full disk leaves the previous version as it was.
/// </summary>
public sealed class ProjectStore(ImpactkaartDb db, ImpactModel model, Audit audit, TimeProvider clock, ILogger<ProjectStore> logger)
{
    public ImpactModel Model => model;

    public Task<Project?> FindAsync(Guid organisationId, Guid id, CancellationToken cancellationToken = default) =>
        db.Projects.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == id && p.OrganisationId == organisationId && p.DeletedAt == null, cancellationToken);

    /// <summary>
    /// The versions in the order that puts the one a project shows first: the newest evaluation once there is one,
    /// else the newest plan. The one rule for the project page, the API, its map files and share links.
    /// </summary>
    public static IQueryable<ProjectVersion> CurrentFirst(IQueryable<ProjectVersion> versions) =>
        versions.OrderByDescending(IsEvaluation).ThenByDescending(Number);

    /// <summary>
    /// The version a project shows, among versions already read (see <see cref="CurrentFirst"/>): the same rule, compiled
    /// once. (Ordering in memory through AsQueryable compiled the rule on every call: a millisecond a project, a second
    /// for a funder's thousand.)
    /// </summary>
    public static ProjectVersion? CurrentOf(IEnumerable<ProjectVersion> versions) =>
        versions.OrderByDescending(IsEvaluationCompiled).ThenByDescending(NumberCompiled).FirstOrDefault();

    private static readonly System.Linq.Expressions.Expression<Func<ProjectVersion, bool>> IsEvaluation = v => v.Phase == Phase.Evaluation;
    private static readonly System.Linq.Expressions.Expression<Func<ProjectVersion, int>> Number = v => v.Number;
    private static readonly Func<ProjectVersion, bool> IsEvaluationCompiled = IsEvaluation.Compile();
    private static readonly Func<ProjectVersion, int> NumberCompiled = Number.Compile();

    /// <summary>The version a project shows, read alone; null for an unknown, foreign or deleted project.</summary>
    public async Task<ProjectVersion?> CurrentAsync(Guid organisationId, Guid projectId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(organisationId, projectId, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }
        return await CurrentFirst(db.ProjectVersions.AsNoTracking().Where(v => v.ProjectId == projectId && v.OrganisationId == organisationId))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The versions of a project, newest first (empty for an unknown, foreign or deleted project).</summary>
    public async Task<IReadOnlyList<ProjectVersion>> VersionsAsync(Guid organisationId, Guid projectId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(organisationId, projectId, cancellationToken).ConfigureAwait(false) is null)
        {
            return [];
        }
        return await db.ProjectVersions.AsNoTracking()
            .Where(v => v.ProjectId == projectId && v.OrganisationId == organisationId)
            .OrderByDescending(v => v.Number)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a project from a map: its first version, in the phase the map is in.</summary>
    public async Task<SaveResult> CreateAsync(Member by, ProjectRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var computed = Compute(request);
        if (computed.Map is not { } map)
        {
            return new SaveResult(SaveOutcome.Invalid, Errors: computed.Errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var project = new Project
        {
            Id = Guid.NewGuid(),
            OrganisationId = by.OrganisationId,
            Revision = 1,
            CreatedAt = now,
        };
        db.Projects.Add(project);
        var version = NewVersion(model, by, project, request, map, now, ProjectChanges.FirstVersion);
        Apply(project, map, version, now, hasEvaluation: version.Phase == Phase.Evaluation);
        audit.Add(by, by.OrganisationId, "project.created", project.Name, $"versie {version.Number}");
        return await CommitAsync(by.OrganisationId, project, version, basedOnRevision: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Saves a new version on top of <paramref name="basedOnRevision"/>. When someone else saved in between, nothing is
    /// written and the result says who (Conflict). <paramref name="changes"/> replaces the computed summary (recalculation).
    /// </summary>
    public async Task<SaveResult> SaveVersionAsync(Member by, Guid projectId, int basedOnRevision, ProjectRequest request,
        string? changes = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var project = await db.Projects
            .SingleOrDefaultAsync(p => p.Id == projectId && p.OrganisationId == by.OrganisationId && p.DeletedAt == null, cancellationToken)
            .ConfigureAwait(false);
        if (project is null)
        {
            return new SaveResult(SaveOutcome.NotFound);
        }
        var computed = Compute(request);
        if (computed.Map is not { } map)
        {
            return new SaveResult(SaveOutcome.Invalid, project, Errors: computed.Errors);
        }
        if (project.Revision != basedOnRevision)
        {
            return await ConflictAsync(by.OrganisationId, projectId, cancellationToken).ConfigureAwait(false);
        }
        var phase = map.Input.Phase;
        var previous = await db.ProjectVersions.AsNoTracking()
            .Where(v => v.ProjectId == projectId && v.Phase == phase)
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var plan = phase == Phase.Evaluation && previous is null
            ? await db.ProjectVersions.AsNoTracking().Where(v => v.ProjectId == projectId && v.Phase == Phase.Plan)
                .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        changes ??= previous is not null
            ? ProjectChanges.Describe(ReadInput(previous.Input), map.Input)
            : ProjectChanges.FirstOfPhase(phase, plan is null ? null : ReadInput(plan.Input), map.Input);
        var hasEvaluation = phase == Phase.Evaluation || project.Phase == Phase.Evaluation;
        var now = clock.GetUtcNow().UtcDateTime;
        var version = NewVersion(model, by, project, request, map, now, changes);
        // The project shows the newest evaluation once there is one; a later plan is kept in the history only.
        if (phase == Phase.Evaluation || !hasEvaluation)
        {
            Apply(project, map, version, now, hasEvaluation);
        }
        else
        {
            project.LatestVersion = version.Number;
            project.UpdatedAt = now;
        }
        project.Revision = basedOnRevision + 1;
        audit.Add(by, by.OrganisationId, "project.saved", project.Name, $"versie {version.Number} ({PhaseWord.Of(phase)})");
        return await CommitAsync(by.OrganisationId, project, version, basedOnRevision, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Soft delete: the project and its versions are gone for every page; the rows stay for the audit log.</summary>
    public async Task<bool> DeleteAsync(Member by, Guid projectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var project = await db.Projects
            .SingleOrDefaultAsync(p => p.Id == projectId && p.OrganisationId == by.OrganisationId && p.DeletedAt == null, cancellationToken)
            .ConfigureAwait(false);
        if (project is null)
        {
            return false;
        }
        project.DeletedAt = clock.GetUtcNow().UtcDateTime;
        project.Revision++;
        audit.Add(by, by.OrganisationId, "project.deleted", project.Name);
        await DisconnectFundersAsync(by, project, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// A deleted project is gone for its funders too: its connections and result agreements are removed (not kept
    /// hidden), and each funder's log says so, as when the provider disconnects it.
    /// </summary>
    private async Task DisconnectFundersAsync(Member by, Project project, CancellationToken cancellationToken)
    {
        var connections = await db.FundedProjects.Where(f => f.ProjectId == project.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (connections.Count == 0)
        {
            return;
        }
        var names = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == by.OrganisationId || connections.Select(c => c.FunderId).Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
        db.ResultAgreements.RemoveRange(db.ResultAgreements.Where(a => a.ProjectId == project.Id));
        db.FundedProjects.RemoveRange(connections);
        foreach (var connection in connections)
        {
            audit.Add(by, by.OrganisationId, FundingCodes.Disconnected, $"{project.Name} → {names[connection.FunderId]}", "project verwijderd");
            audit.AddForOther(by, names[by.OrganisationId], connection.FunderId, FundingCodes.Disconnected, $"{names[by.OrganisationId]}: {project.Name}", "project verwijderd");
        }
    }

    /// <summary>The stored input of a version as a request the running model validates (its model stamp removed).</summary>
    public static ProjectRequest? ReadRequest(string input)
    {
        var read = ProjectRequestJson.Read(input);
        if (read.Value is not { } request)
        {
            return null;
        }
        request.ModelVersion = null;
        return request;
    }

    /// <summary>The map of a stored version under the running model, or the fields that no longer validate.</summary>
    public (ImpactMap? Map, IReadOnlyList<FieldError> Errors) Recompute(ProjectVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return ReadRequest(version.Input) is { } request
            ? Compute(request)
            : (null, [new FieldError(ProjectRequestJson.DocumentField, new Engine.Text("De opgeslagen invoer is niet te lezen.", "The saved input cannot be read."))]);
    }

    /// <summary>The central figures only: no Monte Carlo draws, as the stored figures do not depend on them.</summary>
    public (ImpactMap? Map, IReadOnlyList<FieldError> Errors) Compute(ProjectRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validated = ProjectRequestValidator.Validate(model, request);
        return validated.Value is { } input && validated.IsValid
            ? (ImpactCalculator.Compute(model, input, new SimulationSettings(0, SimulationSettings.DefaultSeed), withTrail: false), [])
            : (null, validated.Errors);
    }

    private ProjectInput? ReadInput(string input) =>
        ReadRequest(input) is { } request && ProjectRequestValidator.Validate(model, request) is { IsValid: true } valid ? valid.Value : null;

    /// <summary>The next version of <paramref name="project"/> (not yet added): the inputs as a project file and the figures of its map.</summary>
    internal static ProjectVersion NewVersion(ImpactModel model, Member by, Project project, ProjectRequest request, ImpactMap map, DateTime now, string changes)
    {
        var figures = Figures.Of(map);
        return new ProjectVersion
        {
            Id = Guid.NewGuid(),
            ProjectId = project.Id,
            OrganisationId = project.OrganisationId,
            Number = project.LatestVersion + 1,
            Phase = map.Input.Phase,
            Input = ProjectRequestJson.Write(request, model.Version),
            ModelVersion = model.Version,
            InvestedCents = figures.InvestedCents,
            BenefitsCents = figures.BenefitsCents,
            Ratio = figures.Ratio,
            HoursSaved = figures.HoursSaved,
            FteSaved = figures.FteSaved,
            SavedBy = by.Id,
            SavedByName = by.DisplayName,
            SavedAt = now,
            Changes = changes,
        };
    }

    /// <summary>Makes <paramref name="version"/> the project's current one: what the portfolio lists and sums.</summary>
    internal static void Apply(Project project, ImpactMap map, ProjectVersion version, DateTime now, bool hasEvaluation)
    {
        var input = map.Input;
        project.Name = input.Name ?? (project.Name.Length > 0 ? project.Name : input.ReferenceProject.Label.Nl);
        project.ReferenceProject = input.ReferenceProject.Id;
        project.Theme = input.ReferenceProject.Theme.Id;
        project.StartYear = input.Start?.Year ?? (project.StartYear > 0 ? project.StartYear : now.Year);
        project.Phase = hasEvaluation ? Phase.Evaluation : Phase.Plan;
        project.InvestedCents = version.InvestedCents;
        project.BenefitsCents = version.BenefitsCents;
        project.Ratio = version.Ratio;
        project.HoursSaved = version.HoursSaved;
        project.FteSaved = version.FteSaved;
        project.WelfareBenefitsCents = ProjectBreakdown.Cents(map.WelfareBenefits.Euros);
        project.Breakdown = ProjectBreakdown.Of(map).ToJson();
        project.LatestVersion = version.Number;
        project.UpdatedAt = now;
    }

    private async Task<SaveResult> CommitAsync(Guid organisationId, Project project, ProjectVersion version, int? basedOnRevision, CancellationToken cancellationToken)
    {
        db.ProjectVersions.Add(version);
        if (basedOnRevision is { } revision)
        {
            // The UPDATE only matches the row as it was read: someone else's save in between makes it affect nothing.
            db.Entry(project).Property(p => p.Revision).OriginalValue = revision;
        }
        try
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            return new SaveResult(SaveOutcome.Saved, project, version);
        }
        catch (Exception e) when (IsDiskFull(e))
        {
            // EF Core's own log of a failed save is turned down (Data/Database.cs), so the failure is logged here.
            logger.LogError(e, "Project {ProjectId} not saved: the disk is full", project.Id);
            db.ChangeTracker.Clear();
            return new SaveResult(SaveOutcome.DiskFull, Errors: []);
        }
        catch (DbUpdateException) when (basedOnRevision is not null)
        {
            // A concurrency exception, or the other save's version number taken first (unique index): either way
            // someone saved in between, which the project's revision now shows.
            db.ChangeTracker.Clear();
            var current = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == project.Id, cancellationToken).ConfigureAwait(false);
            if (current is null || current.Revision == basedOnRevision)
            {
                throw;
            }
            // Expected when two people save at once: no failure, no stack trace.
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("Save conflict on project {ProjectId}: based on revision {BasedOn}, now {Current}", project.Id, basedOnRevision, current.Revision);
            }
            return await ConflictAsync(organisationId, project.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<SaveResult> ConflictAsync(Guid organisationId, Guid projectId, CancellationToken cancellationToken)
    {
        var project = await FindAsync(organisationId, projectId, cancellationToken).ConfigureAwait(false);
        if (project is null)
        {
            return new SaveResult(SaveOutcome.NotFound);
        }
        var newest = await db.ProjectVersions.AsNoTracking()
            .Where(v => v.ProjectId == projectId)
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return new SaveResult(SaveOutcome.Conflict, project, Newest: newest);
    }

    /// <summary>SQLITE_FULL (13) or PostgreSQL's disk_full (53100), wherever in the chain of causes.</summary>
    private static bool IsDiskFull(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 13 } or PostgresException { SqlState: PostgresErrorCodes.DiskFull })
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>The figures stored with a version and a project, from a map: whole cents, the ratio, hours and FTE saved.</summary>
public sealed record Figures(long InvestedCents, long BenefitsCents, double? Ratio, double HoursSaved, double FteSaved)
{
    public static Figures Of(ImpactMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new Figures(Cents(map.Costs.Euros), Cents(map.Benefits.Euros), map.Ratio is { } r ? (double)r.Value : null,
            (double)map.HoursSaved.Value, (double)map.Labour.Sum(l => l.Fte));
    }

    public static Figures Of(ProjectVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new Figures(version.InvestedCents, version.BenefitsCents, version.Ratio, version.HoursSaved, version.FteSaved);
    }

    public decimal Invested => InvestedCents / 100m;

    public decimal Benefits => BenefitsCents / 100m;

    private static long Cents(decimal euros) => (long)Math.Round(euros * 100m, MidpointRounding.AwayFromZero);
}
