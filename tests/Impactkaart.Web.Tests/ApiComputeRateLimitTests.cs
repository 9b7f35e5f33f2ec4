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
        using var anonymous = app.Client();
        using var keyed = app.Client();
        keyed.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "ik-sleutel-een");

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
        headerKeyed.DefaultRequestHeaders.Add("X-Api-Key", "ik-sleutel-twee");
        using var headerAllowed = await headerKeyed.GetAsync("/api/v1/ping");
        Assert.Equal(HttpStatusCode.OK, headerAllowed.StatusCode);
    }
}
