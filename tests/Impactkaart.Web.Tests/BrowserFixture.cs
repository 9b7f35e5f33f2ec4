using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The app on a real port of 127.0.0.1 (Kestrel, a free port) and one Debian Chromium for every browser test.
/// Chromium comes from apt (/usr/bin/chromium); Playwright never downloads a browser here.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly WebApp factory = new();

    /// <summary>The app behind the browser (its database and mail folder).</summary>
    public WebApp App => factory;
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>"http://127.0.0.1:PORT", no trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The repository root (the folder holding Impactkaart.slnx).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Where full-page screenshots (when asked for) and printed maps are kept as test output.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot, "artifacts", "screenshots");

    /// <summary>IMPACTKAART_SCREENSHOTS=1 keeps a full-page screenshot of the pages the browser tests visit; off by default.</summary>
    public const string ScreenshotsVariable = "IMPACTKAART_SCREENSHOTS";

    private static bool ScreenshotsWanted => Environment.GetEnvironmentVariable(ScreenshotsVariable) == "1";

    public async Task InitializeAsync()
    {
        Needs.Check(Needs.Browser);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)).TrimEnd('/');
        factory.ServerAddress = new Uri(BaseUrl);

        Directory.CreateDirectory(ScreenshotFolder);
        // A busy CI machine runs the other test projects beside these: wait up to 15 s for a page to show what is expected.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh context (own cookies, so its own language) and page, 1280 wide, downloads allowed.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "nl-NL",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// With IMPACTKAART_SCREENSHOTS=1, keeps a full-page PNG of the page as test output: artifacts/screenshots/NAME.png.
    /// Nothing is asserted on it: it is for a person to look at, and costs seconds per page, so it is opt-in.
    /// </summary>
    /// <remarks>A long page on a busy machine can take more than the default 15 s to capture whole.</remarks>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (ScreenshotsWanted)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true, Timeout = 60_000 });
        }
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
        await factory.DisposeAsync();
    }

    public void Dispose() => factory.Dispose();

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Impactkaart.slnx")))
            {
                return folder.FullName;
            }
        }
        // Built outside the tree (ArtifactsPath elsewhere): the repository the test project was built from.
        var built = typeof(BrowserFixture).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (built is not null && File.Exists(Path.Combine(built, "Impactkaart.slnx")))
        {
            return built;
        }
        throw new InvalidOperationException("Impactkaart.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Every browser test shares one app and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
