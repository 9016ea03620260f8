using System.Collections.Concurrent;
using System.Diagnostics;
using Interop.Hub.Core.Matching.Blocking;
using Interop.Hub.Core.Matching.Normalisation;
using Interop.Hub.Core.Matching.Scoring;

namespace Interop.Hub.Core.Matching.Batch;

/// <summary>
/// Deduplicates a whole file in memory, on all cores: normalise every record, weigh names by their
/// frequency in the file, re-estimate u on random pairs, group records by blocking key, re-estimate m
/// on a sample of candidate pairs, score every pair that shares a key exactly once (under the smallest
/// key both share), link the pairs at or above the linking outcome and close them into clusters.
/// Memory grows with records and keys, never with the number of pairs compared.
/// </summary>
public static class BatchDeduplicator
{
    public static BatchResult Run(
        IReadOnlyList<PersonIdentity> people,
        BatchOptions? options = null,
        IProgress<BatchProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        options ??= new BatchOptions();
        var times = new StageTimes();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellation };
        var count = people.Count;

        // 1. Normalise.
        var normalizer = new IdentityNormalizer(options.Communes);
        var normalized = new NormalizedIdentity[count];
        var ticker = new ProgressTicker(progress, "normalisation", count);
        Parallel.ForEach(Partitioner.Create(0, count, 4096), parallel, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                normalized[i] = normalizer.Normalize(people[i]);
            }

            ticker.Add(range.Item2 - range.Item1);
        });
        ticker.Finish();
        Lap(times, "normalisation", clock, ref cpu);

        // 2. Model: name frequencies and u from the input itself.
        var frequencies = options.FrequenciesFromInput ? NameFrequencies.Count(normalized) : NameFrequencies.None;
        var model = options.EstimateU ? UEstimator.Estimate(options.Model, normalized) : options.Model;
        var matcher = new Matcher(model, frequencies, options.Communes, options.DeclaredDistinct);
        var prepared = new PreparedIdentity[count];
        var recordKeys = new ulong[count][];
        ticker = new ProgressTicker(progress, "clés de blocage", count);
        Parallel.ForEach(Partitioner.Create(0, count, 4096), parallel, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                prepared[i] = matcher.Prepare(normalized[i]);
                var keys = BlockingKeyBuilder.For(normalized[i]);
                var hashes = new ulong[keys.Count];
                for (var k = 0; k < hashes.Length; k++)
                {
                    hashes[k] = KeyHash.Of(keys[k]);
                }

                recordKeys[i] = hashes;
            }

            ticker.Add(range.Item2 - range.Item1);
        });
        ticker.Finish();
        Lap(times, "modèle et clés", clock, ref cpu);

        // 3. Blocks: sort (key, record) entries, drop super-blocks from every record's keys.
        var blocks = BlockTable.Build(recordKeys, options.MaxBlockSize);
        Lap(times, "blocs", clock, ref cpu);

        // 3b. m from the pairs the other fields already prove, on a sample of candidate pairs.
        if (options.EstimateM)
        {
            var sample = CandidateSample(blocks, recordKeys, options.PairFilter, options.MSamplePairs)
                .Select(pair => (prepared[pair.Left], prepared[pair.Right]));
            matcher = new Matcher(MEstimator.Estimate(matcher, sample), frequencies, options.Communes, options.DeclaredDistinct);
            Lap(times, "estimation de m", clock, ref cpu);
        }

        // 4. Score each candidate pair once, in parallel over blocks.
        var linked = new ConcurrentBag<List<BatchPair>>();
        long compared = 0;
        ticker = new ProgressTicker(progress, "comparaisons", blocks.PairCount);
        Parallel.ForEach(
            Partitioner.Create(0, blocks.Count, Math.Max(1, blocks.Count / (64 * options.MaxDegreeOfParallelism))),
            parallel,
            () => new List<BatchPair>(),
            (range, _, local) =>
            {
                long localCompared = 0;
                long localCandidates = 0;
                for (var b = range.Item1; b < range.Item2; b++)
                {
                    var members = blocks.Members(b);
                    var key = blocks.KeyOf(b);
                    localCandidates += (long)members.Length * (members.Length - 1) / 2;
                    for (var x = 0; x < members.Length; x++)
                    {
                        var i = members[x];
                        for (var y = x + 1; y < members.Length; y++)
                        {
                            var j = members[y];
                            var (left, right) = i < j ? (i, j) : (j, i);
                            if (SmallestSharedKey(recordKeys[left], recordKeys[right]) != key ||
                                (options.PairFilter is { } filter && !filter(left, right)))
                            {
                                continue;
                            }

                            localCompared++;
                            var score = matcher.Score(prepared[left], prepared[right]);
                            if (score.Outcome >= options.LinkAt)
                            {
                                local.Add(new BatchPair(left, right, score.Total, score.Outcome));
                            }
                        }
                    }
                }

                Interlocked.Add(ref compared, localCompared);
                ticker.Add(localCandidates);
                return local;
            },
            linked.Add);
        ticker.Finish();
        Lap(times, "comparaisons", clock, ref cpu);

        // 5. Clusters.
        var pairs = linked.SelectMany(l => l).OrderBy(p => p.Left).ThenBy(p => p.Right).ToList();
        var sets = new DisjointSets(count);
        foreach (var pair in pairs)
        {
            sets.Union(pair.Left, pair.Right);
        }

        var clusterOf = new int[count];
        var clusters = 0;
        for (var i = 0; i < count; i++)
        {
            clusterOf[i] = sets.Find(i);
            if (clusterOf[i] == i)
            {
                clusters++;
            }
        }

        Lap(times, "regroupement", clock, ref cpu);
        return new BatchResult
        {
            ClusterOf = clusterOf,
            LinkedPairs = pairs,
            Matcher = matcher,
            Prepared = prepared,
            ComparedPairs = compared,
            Blocks = blocks.Count,
            SkippedBlocks = blocks.Skipped,
            Clusters = clusters,
            StageTimes = times.Wall,
            StageProcessorTimes = times.Processor,
        };
    }

    /// <summary>
    /// About <paramref name="target"/> candidate pairs, each once, from blocks spread over the whole
    /// table (blocks are in key-hash order, so every n-th block is a fair sample).
    /// </summary>
    private static IEnumerable<(int Left, int Right)> CandidateSample(BlockTable blocks, ulong[][] recordKeys, Func<int, int, bool>? filter, int target)
    {
        var step = Math.Max(1, (int)Math.Min(int.MaxValue, blocks.PairCount / Math.Max(1, target)));
        for (var b = 0; b < blocks.Count; b += step)
        {
            var members = blocks.Members(b).ToArray();
            var key = blocks.KeyOf(b);
            for (var x = 0; x < members.Length; x++)
            {
                for (var y = x + 1; y < members.Length; y++)
                {
                    var (left, right) = members[x] < members[y] ? (members[x], members[y]) : (members[y], members[x]);
                    if (SmallestSharedKey(recordKeys[left], recordKeys[right]) == key && (filter is null || filter(left, right)))
                    {
                        yield return (left, right);
                    }
                }
            }
        }
    }

    /// <summary>The smallest key hash both sorted arrays hold (ulong.MaxValue when none).</summary>
    internal static ulong SmallestSharedKey(ulong[] a, ulong[] b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                return a[i];
            }

            if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return ulong.MaxValue;
    }

    // Wall time, and processor time of the whole process (every core): on a shared machine wall time
    // measures the neighbours too, processor time mostly measures us.
    private static void Lap(StageTimes times, string stage, Stopwatch clock, ref TimeSpan processor)
    {
        var now = Process.GetCurrentProcess().TotalProcessorTime;
        times.Wall[stage] = clock.Elapsed;
        times.Processor[stage] = now - processor;
        processor = now;
        clock.Restart();
    }

    private sealed class StageTimes
    {
        public Dictionary<string, TimeSpan> Wall { get; } = [];

        public Dictionary<string, TimeSpan> Processor { get; } = [];
    }}
