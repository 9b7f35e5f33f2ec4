using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The migrations of each database match the model (nobody changed an entity without adding a migration) and
/// every one of them applies to an empty database.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_has_no_model_changes_without_a_migration()
    {
        using var database = new TestDatabase(Store.Sqlite);
        using var db = database.Open();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: add one (see the briefing's dotnet ef command).");
    }

    [Fact]
    [Trait(Needs.Trait, Needs.Postgres)]
    public void Postgres_has_no_model_changes_without_a_migration()
    {
        using var database = new TestDatabase(Store.Postgres);
        using var db = database.Open();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: add one (see the briefing's dotnet ef command).");
    }

    [Fact]
    public Task Every_sqlite_migration_applies_to_an_empty_database() => EveryMigrationApplies(Store.Sqlite);

    [Fact]
    [Trait(Needs.Trait, Needs.Postgres)]
    public Task Every_postgres_migration_applies_to_an_empty_database() => EveryMigrationApplies(Store.Postgres);

    private static async Task EveryMigrationApplies(Store store)
    {
        using var database = new TestDatabase(store);
        await using var db = database.Open();
        var all = db.Database.GetMigrations().ToList();

        await db.Database.MigrateAsync();

        Assert.NotEmpty(all);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        // The tables the app reads at once are there and empty.
        Assert.Equal(0, await db.Organisations.CountAsync());
        Assert.Equal(0, await db.Projects.CountAsync());
        Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
    }
}
