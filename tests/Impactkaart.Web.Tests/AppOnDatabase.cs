using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

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
