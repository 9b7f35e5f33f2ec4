namespace Impactkaart.Web.Tests;

/// <summary>A clock that stands still until a test moves it: an hour's window is tested without waiting an hour.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
