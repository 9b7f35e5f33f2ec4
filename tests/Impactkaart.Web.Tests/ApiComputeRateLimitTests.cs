using System.Net;
using static Impactkaart.Web.Tests.ApiComputeTests;

namespace Impactkaart.Web.Tests;

/// <summary>The app with low API limits, so a test can exceed them in a few calls.</summary>
public sealed class LowApiLimitsApp : WebApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Api:RateLimit:Anonymous", "3"), new("Api:RateLimit:PerKey", "5")];
}

/// <summary>Too many API calls get 429 problem details with Retry-After; each API key has its own allowance.</summary>
public sealed class ApiComputeRateLimitTests(LowApiLimitsApp app) : IClassFixture<LowApiLimitsApp>
{
    [Fact]
    public async Task Anonymous_calls_beyond_the_limit_get_429_while_a_key_has_its_own_allowance()
    {
        var admin = await app.RegisterAsync("Stichting Limiet", "beheer@limiet.nl");
        var firstKey = await ApiKeyAdminTests.CreateKeyAsync(admin, "Eerste", "read");
        var secondKey = await ApiKeyAdminTests.CreateKeyAsync(admin, "Tweede", "read");
        using var anonymous = app.Client();
        using var keyed = app.Client();
        keyed.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", firstKey);

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await anonymous.PostAsync("/api/v1/compute?draws=0", Json(Project));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await anonymous.PostAsync("/api/v1/compute?draws=0", Json(Project));
        await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "Te veel aanvragen");
        var wait = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(wait, 1, 60);
        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ping");
        english.Headers.AcceptLanguage.ParseAdd("en");
        using var refusedEnglish = await anonymous.SendAsync(english);
        await AssertProblemAsync(refusedEnglish, HttpStatusCode.TooManyRequests, "Too many requests");

        for (var i = 0; i < 5; i++)
        {
            using var allowed = await keyed.GetAsync("/api/v1/ping");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var keyRefused = await keyed.GetAsync("/api/v1/ping");
        await AssertProblemAsync(keyRefused, HttpStatusCode.TooManyRequests, "Te veel aanvragen");

        // A key sent as X-Api-Key counts as that key too, not as the (exhausted) address.
        using var headerKeyed = app.Client();
        headerKeyed.DefaultRequestHeaders.Add("X-Api-Key", secondKey);
        using var headerAllowed = await headerKeyed.GetAsync("/api/v1/ping");
        Assert.Equal(HttpStatusCode.OK, headerAllowed.StatusCode);
    }
}

/// <summary>Only a verified key has an allowance of its own: invented keys are counted with the caller's address.</summary>
public sealed class ApiInventedKeyRateLimitTests(LowApiLimitsApp app) : IClassFixture<LowApiLimitsApp>
{
    [Fact]
    public async Task Once_an_address_is_limited_invented_keys_are_refused_too()
    {
        using var anonymous = app.Client();
        var limited = false;
        for (var i = 0; i < 10 && !limited; i++)
        {
            using var response = await anonymous.PostAsync("/api/v1/compute?draws=0", Json(Project));
            limited = response.StatusCode == HttpStatusCode.TooManyRequests;
        }
        Assert.True(limited, "The address was never limited.");

        foreach (var (header, value) in new[]
        {
            ("X-Api-Key", $"junk-{Guid.NewGuid()}"),
            ("X-Api-Key", "ik_" + Impactkaart.Web.Features.Accounts.Tokens.New()),
            ("Authorization", "Bearer junk"),
            ("Authorization", $"Bearer ik_{Guid.NewGuid():N}"),
        })
        {
            using var compute = new HttpRequestMessage(HttpMethod.Post, "/api/v1/compute?draws=0") { Content = Json(Project) };
            compute.Headers.TryAddWithoutValidation(header, value);
            using var refused = await anonymous.SendAsync(compute);
            await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "Te veel aanvragen");

            using var projects = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects");
            projects.Headers.TryAddWithoutValidation(header, value);
            using var keyedRefused = await anonymous.SendAsync(projects);
            Assert.Equal(HttpStatusCode.TooManyRequests, keyedRefused.StatusCode);
        }
    }
}
