using Impactkaart.Engine.Model;
using Impactkaart.Web.Features.Map;
using Impactkaart.Web.Features.Shared;

var builder = WebApplication.CreateBuilder(args);

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
builder.Services.AddRazorPages(options => options.RootDirectory = "/Features");
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<RequestLanguage>();
builder.Services.AddMemoryCache(options => options.SizeLimit = 2_000);
builder.Services.AddSingleton<MapService>();
builder.Services.AddSingleton(TimeProvider.System);
builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = 1_000_000);

var app = builder.Build();

// 3. Never a stack trace or a framework error page: unexpected failures and unknown addresses get our own page.
app.UseExceptionHandler("/fout");
app.UseStatusCodePagesWithReExecute("/fout", "?status={0}");
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseAntiforgery();

// 4. The features.
app.MapRazorPages();
app.MapLanguageSwitch();
app.MapMapDownloads();

// 5. Say where to find it, in plain words, once it listens.
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
    app.Run();
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
