using Impactkaart.Engine;

namespace Impactkaart.Reports.Batch;

/// <summary>What a batch did: how many rows were computed, and the rows that were not (with their problems).</summary>
public sealed record BatchSummary(int Computed, IReadOnlyList<BatchResult> BadRows)
{
    public int Rows => Computed + BadRows.Count;
}

/// <summary>
/// A whole batch: reads the rows of a usable source one at a time, computes each, writes its result at once and
/// keeps only the bad rows (for the error report). Every good row is computed, whatever the bad ones hold.
/// </summary>
public static class BatchRun
{
    /// <summary>
    /// Runs the batch into <paramref name="output"/>. Throws <see cref="BatchLimitException"/> when the file breaks a
    /// limit part way, and <see cref="OperationCanceledException"/> when <paramref name="cancel"/> fires (checked per row).
    /// </summary>
    public static BatchSummary Execute(BatchSource source, BatchComputer computer, Stream output, BatchFormat format, Language language,
        Action<int>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(computer);
        if (!source.IsUsable)
        {
            throw new InvalidOperationException("Check BatchSource.IsUsable before running a batch.");
        }
        var computed = 0;
        var bad = new List<BatchResult>();
        IEnumerable<BatchResult> Results()
        {
            foreach (var row in source.Rows())
            {
                cancel.ThrowIfCancellationRequested();
                var result = computer.Compute(row);
                if (result.IsComputed)
                {
                    computed++;
                }
                else
                {
                    bad.Add(result);
                }
                progress?.Invoke(computed + bad.Count);
                yield return result;
            }
        }
        BatchWriter.WriteResults(Results(), output, format, language, computer.Simulation.Draws > 0);
        return new BatchSummary(computed, bad);
    }
}
