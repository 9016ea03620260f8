namespace Interop.Hub.Core.Matching.Batch;

/// <summary>
/// The outcome of a batch run: for every record the index of its cluster's first record, the linked
/// pairs, the prepared records and matcher (to explain any pair afterwards) and counters.
/// </summary>
public sealed class BatchResult
{
    public required int[] ClusterOf { get; init; }

    public required IReadOnlyList<BatchPair> LinkedPairs { get; init; }

    public required Matcher Matcher { get; init; }

    public required IReadOnlyList<PreparedIdentity> Prepared { get; init; }

    /// <summary>Pairs scored (each once, whatever the number of keys the two records share).</summary>
    public long ComparedPairs { get; init; }

    public int Blocks { get; init; }

    /// <summary>Blocks over <see cref="BatchOptions.MaxBlockSize"/>, not compared.</summary>
    public int SkippedBlocks { get; init; }

    public int Clusters { get; init; }

    public IReadOnlyDictionary<string, TimeSpan> StageTimes { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>Processor time of each stage, all cores together (the process's, so it includes garbage collection).</summary>
    public IReadOnlyDictionary<string, TimeSpan> StageProcessorTimes { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>The full comparison of a linked pair, with its explanation.</summary>
    public MatchResult Explain(BatchPair pair) => Matcher.Compare(Prepared[pair.Left], Prepared[pair.Right]);
}
