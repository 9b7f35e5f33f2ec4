using Impactkaart.Engine.Model;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Accounts;
using Impactkaart.Web.Features.Api;
using Impactkaart.Web.Features.Health;
using Impactkaart.Web.Features.Map;
using Impactkaart.Web.Features.Shared;

var builder = WebApplication.CreateBuilder(args);

// 0. `backup <file>`: an online copy of the SQLite database, made instead of serving (Data/Backup.cs).
if (BackupCommand.IsRequested(args))
{
    return BackupCommand.Run(args, builder.Configuration, builder.Environment.ContentRootPath);
}

// 1. The reference model: loaded and validated once. A broken model stops the start with the problems named.
var load = ModelLoader.LoadEmbedded();
if (load.Model is not { } model)
{
    Console.Error.WriteLine("Het model is ongeldig; de Impactkaart start niet:");
    foreach (var problem in load.Problems)
    {
        Console.Error.WriteLine("  " + problem.Describe(Impactkaart.Engine.Language.Nl));
    }
    return 2;
}
builder.Services.AddSingleton(model);

// 2. Pages (one folder per feature), the language of each request, and the map cache.
builder.Services.AddRazorPages(options =>
{
    options.RootDirectory = "/Features";
    // Everything of an organisation requires a sign-in; the wizard, the map and shared links do not.
    options.Conventions.AuthorizeFolder("/Projects");
    options.Conventions.AuthorizeFolder("/Portfolio");
    options.Conventions.AuthorizeFolder("/Organisation");
    options.Conventions.AuthorizeFolder("/Funding");
}).AddMvcOptions(options =>
{
    options.Filters.Add<RemovedMemberFilter>();
    // Any form over its page's size limit gets our "too much text" page, not the anti-forgery check's 400.
    options.Filters.Add(new FormTooLargeAttribute());
});
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<RequestLanguage>();
builder.Services.AddMemoryCache(options => options.SizeLimit = 2_000);
builder.Services.AddSingleton<MapService>();
builder.Services.AddSingleton(TimeProvider.System);

// 3. The store (Data/Database.cs: SQLite by default, PostgreSQL by configuration), the accounts (Features/Accounts/AccountsSetup.cs), projects.
builder.Services.AddImpactkaartDatabase();
builder.Services.AddImpactkaartAccounts();
builder.Services.AddScoped<Impactkaart.Web.Features.Projects.ProjectStore>();
builder.Services.AddScoped<Impactkaart.Web.Features.Funding.FundingStore>();
builder.Services.AddScoped<Impactkaart.Web.Features.Funding.FunderPortfolio>();
builder.Services.AddScoped<Impactkaart.Web.Features.Funding.Agreements>();
builder.Services.AddScoped<Impactkaart.Web.Features.Funding.CouncilReports>();
// The API: per API key and per address for anonymous calls (Features/Api/ApiRateLimits.cs).
builder.Services.AddApiRateLimit(builder.Configuration);
builder.Services.AddApiCors();
builder.Services.AddSingleton<ApiModel>();
builder.Services.AddSingleton<ComputeCache>();
builder.Services.AddApiDocs();
builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = 1_000_000);

var app = builder.Build();

// The database is created and migrated before the first request; when it cannot be used, say which setting to fix.
try
{
    await DatabaseSetup.PrepareAsync(app.Services);
}
catch (DatabaseSetupException e)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}

// 4. Never a stack trace or a framework error page: unexpected failures and unknown addresses get our own page.
app.UseExceptionHandler("/fout");
// Browsers keep to HTTPS once they have seen it (also behind a proxy with ASPNETCORE_FORWARDEDHEADERS_ENABLED); not
// in Development, where a developer's localhost must stay reachable over plain HTTP.
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/fout", "?status={0}");
app.UseSecurityHeaders();
app.UseApiDocsSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
// Before the rate limit: a browser's preflight question is answered here and spends no one's allowance.
app.UseCors();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

// 5. The features.
app.MapRazorPages();
app.MapLanguageSwitch();
app.MapSignOut();
app.MapMapDownloads();
app.MapHealth();
app.MapApi();
app.MapApiDocs();

// 6. Say where to find it, in plain words, once it listens.
app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses)
    {
        Console.WriteLine($"De Impactkaart draait op {address} (stoppen: Ctrl+C).");
    }
});

try
{
    await app.RunAsync();
}
catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // A second start on the same port: say what to do instead of printing a stack trace.
    Console.Error.WriteLine("De Impactkaart kan niet starten: het adres is al in gebruik (draait hij al?). Kies een ander adres, bijvoorbeeld: dotnet run --project src/Impactkaart.Web --urls http://localhost:5080");
    return 1;
}
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
