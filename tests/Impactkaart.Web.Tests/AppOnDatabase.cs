using Impactkaart.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Tests;

/// <summary>
/// An in-memory app instance on a database it is given (unlike <see cref="WebApp"/>, which makes a fresh one of its
/// own): for several instances on one database, or an app started on a restored backup. Does not drop the database.
/// </summary>
public sealed class AppOnDatabase(TestDatabase database) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Database:Provider", database.ProviderSetting);
        builder.UseSetting("ConnectionStrings:Impactkaart", database.ConnectionString);
        builder.UseSetting("Mail:PickupFolder", Path.Combine(database.Folder, "mail"));
    }

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}

/// <summary>A context on a test database made as the app makes it, for tests that look at the data directly.</summary>
public static class TestDatabaseContext
{
    public static ImpactkaartDb Open(this TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.Store == Store.Sqlite
            ? new SqliteImpactkaartDb(new DbContextOptionsBuilder<SqliteImpactkaartDb>().UseSqlite(database.ConnectionString).Options)
            : new PostgresImpactkaartDb(new DbContextOptionsBuilder<PostgresImpactkaartDb>().UseNpgsql(database.ConnectionString).Options);
    }
}
