using System.Diagnostics;

namespace Impactkaart.Tests.Tiers;

/// <summary>
/// Every test that needs a browser, a PostgreSQL server or a child process says so with its "Needs" trait, so the
/// fast tier (<c>./test.sh fast</c>) leaves it out by its trait and not by someone's memory. Compiled into each test
/// project, checking that project's tests.
/// </summary>
public sealed class TierTests
{
    [Fact]
    public void Every_test_that_needs_a_browser_postgresql_or_a_process_carries_the_trait()
    {
        var misclassified = TierPolicy.Misclassified(typeof(TierTests).Assembly);

        Assert.True(misclassified.Count == 0, string.Join("\n", misclassified));
    }

    [Fact]
    public void The_check_sees_a_process_started_by_a_helper_inside_a_lambda_of_an_async_method()
    {
        var needs = TierPolicy.NeedsOf(typeof(Unmarked), nameof(Unmarked.Starts_a_process));

        Assert.Equal([Needs.Process], needs);
        Assert.Empty(TierPolicy.NeedsOf(typeof(Unmarked), nameof(Unmarked.Needs_nothing)));
    }

    /// <summary>Not a test class (no [Fact]): a sample for the check above.</summary>
    private sealed class Unmarked
    {
        public static async Task Starts_a_process()
        {
            Func<Task> run = () => Task.Run(Helper);
            await run();
        }

        public static int Needs_nothing() => Environment.ProcessorCount;

        private static void Helper()
        {
            using var process = Process.Start("true");
        }
    }
}
