using Interop.Hub.Core.Matching.Geography;
using Interop.Hub.Core.Matching.Scoring;

namespace Interop.Hub.Core.Matching.Batch;

/// <summary>How a batch deduplication runs.</summary>
public sealed record BatchOptions
{
    /// <summary>Model to start from; u is re-estimated on the input unless <see cref="EstimateU"/> is false.</summary>
    public MatchModel Model { get; init; } = MatchModel.Default;

    public bool EstimateU { get; init; } = true;

    /// <summary>Re-estimate m on a sample of candidate pairs (<see cref="Scoring.MEstimator"/>).</summary>
    public bool EstimateM { get; init; } = true;

    /// <summary>About how many candidate pairs the m estimate reads.</summary>
    public int MSamplePairs { get; init; } = 200_000;

    /// <summary>Weigh names by their frequency in the input itself.</summary>
    public bool FrequenciesFromInput { get; init; } = true;

    public ICommuneDirectory? Communes { get; init; }

    public IDeclaredDistinctPairs? DeclaredDistinct { get; init; }

    /// <summary>
    /// Blocks with more records than this are skipped and counted (a "super-block" such as a very common
    /// name in one year would cost n² comparisons); the other keys of their records still apply.
    /// </summary>
    public int MaxBlockSize { get; init; } = 50;

    /// <summary>Pairs at or above this outcome are linked into clusters.</summary>
    public MatchOutcome LinkAt { get; init; } = MatchOutcome.Probable;

    /// <summary>Only pairs this accepts are compared (record indexes); e.g. only across two files for a linkage.</summary>
    public Func<int, int, bool>? PairFilter { get; init; }

    /// <summary>Worker threads; all cores by default.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
