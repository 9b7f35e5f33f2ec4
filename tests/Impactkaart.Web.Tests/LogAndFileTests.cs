using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Impactkaart.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Impactkaart.Web.Tests;

/// <summary>The app with every log entry it writes kept in memory.</summary>
public sealed class LoggedApp : WebApp
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new Capture(Entries)));
    }

    private sealed class Capture(ConcurrentQueue<(LogLevel, string, string, Exception?)> entries) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(entries, categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(ConcurrentQueue<(LogLevel, string, string, Exception?)> entries, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((logLevel, category, formatter(state, exception), exception));
    }
}

/// <summary>Logs hold no email addresses at Information and no stack traces for expected conflicts; data files are 0600; OpenAPI never echoes the Host.</summary>
public sealed class LogAndFileTests(LoggedApp app) : IClassFixture<LoggedApp>
{
    [Fact]
    public async Task An_emails_recipient_is_not_logged_at_information_and_the_email_file_is_private()
    {
        var email = $"geheim-{Guid.NewGuid():N}@ontvanger.nl";
        await app.CreateAccountAsync("Stichting Log", email);

        using var asked = await WebApp.Post(app.Client(), "/wachtwoord-vergeten", "/wachtwoord-vergeten", [new("email", email)]);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains(app.Entries, e => e.Category.EndsWith(".Mail", StringComparison.Ordinal) && e.Level == LogLevel.Information);
        Assert.DoesNotContain(app.Entries, e => e.Level >= LogLevel.Information && e.Message.Contains(email, StringComparison.OrdinalIgnoreCase));
        if (!OperatingSystem.IsWindows())
        {
            var files = Directory.GetFiles(app.MailFolder, "*.eml");
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
            Assert.Empty(Directory.GetDirectories(app.MailFolder));
        }
    }

    [Fact]
    public void The_sqlite_database_file_is_readable_by_the_app_user_only()
    {
        _ = app.Services;
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(app.Database.SqliteFile));
    }

    [Fact]
    public async Task A_save_conflict_is_logged_at_information_without_a_stack_trace()
    {
        var (_, api, _) = await ApiProjectsTests.OrganisationWithKeyAsync(app, "Stichting Botsing", "read-write");
        using var created = await api.PostAsync("/api/v1/projects", ApiProjectsTests.Body(ApiProjectsTests.Plan));
        var id = (await ApiProjectsTests.JsonAsync(created)).GetProperty("id").GetGuid();
        await using var slow = app.Services.CreateAsyncScope();
        var slowDb = slow.ServiceProvider.GetRequiredService<ImpactkaartDb>();
        // The slow save reads revision 1 before the other save lands, so only the database's concurrency check stops it.
        var before = await slowDb.Projects.SingleAsync(p => p.Id == id);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/projects/{id}") { Content = ApiProjectsTests.Body(ApiProjectsTests.Plan.Replace("80", "90", StringComparison.Ordinal)) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(put)).StatusCode);
        var member = await slowDb.Users.AsNoTracking().FirstAsync(m => m.OrganisationId == before.OrganisationId);
        var request = new Impactkaart.Engine.Calculation.ProjectRequest { ReferenceProject = "budgetcoaching", Participants = "70", Cost = "90000" };

        var result = await slow.ServiceProvider.GetRequiredService<Impactkaart.Web.Features.Projects.ProjectStore>().SaveVersionAsync(member, id, 1, request);

        Assert.Equal(Impactkaart.Web.Features.Projects.SaveOutcome.Conflict, result.Outcome);
        Assert.Contains(app.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("Save conflict", StringComparison.Ordinal) && e.Exception is null);
        Assert.DoesNotContain(app.Entries, e => e.Level >= LogLevel.Warning && (e.Exception is not null || e.Message.Contains("   at ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_openapi_servers_entry_never_echoes_the_host_header()
    {
        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/openapi.json");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.DoesNotContain("evil.example", document.GetProperty("servers").GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("/", document.GetProperty("servers")[0].GetProperty("url").GetString());
    }
}
