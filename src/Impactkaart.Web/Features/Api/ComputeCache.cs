using System.Globalization;
using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Microsoft.Extensions.Caching.Memory;

namespace Impactkaart.Web.Features.Api;

/// <summary>
/// The compute API's answers, kept by request. A map is a pure function of the project (its file and the query's draws and seed), the language
/// and the model (fixed for the life of the process), and the Monte Carlo is seeded, so the same request always gets
/// the same bytes. Callers do ask the same again: a form built on the API recomputes as a user goes back and forth,
/// a municipality's system sends the same projects every night. A cached answer costs microseconds where 10,000 draws
/// cost about a millisecond of CPU. Bounded in bytes (<c>Api:ComputeCacheMegabytes</c>, 0 turns it off).
/// </summary>
public sealed class ComputeCache : IDisposable
{
    public const string Setting = "Api:ComputeCacheMegabytes";
    public const int DefaultMegabytes = 64;

    /// <summary>What an entry costs beyond its key and answer (the entry object, its links in the cache).</summary>
    private const int EntryOverheadBytes = 200;

    private readonly MemoryCache? cache;

    public ComputeCache(IConfiguration configuration, ILogger<ComputeCache> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var setting = configuration[Setting];
        var megabytes = DefaultMegabytes;
        if (setting is not null && (!int.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out megabytes)))
        {
            // A cache size is no reason to refuse to start: say what is wrong and carry on with the default.
            logger.LogWarning("{Setting} moet een heel getal van 0 of meer zijn (megabytes; 0 = geen cache), niet '{Value}'; de Impactkaart gebruikt {Default}.", Setting, setting, DefaultMegabytes);
            megabytes = DefaultMegabytes;
        }
        cache = megabytes == 0 ? null : new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024L });
    }

    /// <summary>The key of a request: everything the answer depends on besides the model (draws and seed are fields of the request).</summary>
    public static string Key(Language language, ProjectRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Create(CultureInfo.InvariantCulture, $"{language}\n{request.CanonicalKey()}");
    }

    public byte[]? Find(string key) => cache is not null && cache.TryGetValue(key, out byte[]? answer) ? answer : null;

    public void Keep(string key, byte[] answer)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(answer);
        // An answer nobody asks for again ages out, so a burst of one-off requests does not hold memory for good.
        cache?.Set(key, answer, new MemoryCacheEntryOptions
        {
            Size = (2L * key.Length) + answer.Length + EntryOverheadBytes,
            SlidingExpiration = TimeSpan.FromMinutes(30),
        });
    }

    public void Dispose() => cache?.Dispose();
}
