namespace Interop.Hub.Core.Matching.Batch;

/// <summary>
/// Records grouped by blocking-key hash: one sorted array of (key, record) entries and the start of
/// each block of two or more records. Building it also sorts each record's own keys and removes the
/// keys of skipped super-blocks, which the pair rule "score under the smallest shared key" needs.
/// </summary>
internal sealed class BlockTable
{
    private readonly ulong[] keys;
    private readonly int[] records;
    private readonly List<(int Start, int Length)> blocks;

    private BlockTable(ulong[] keys, int[] records, List<(int Start, int Length)> blocks, int skipped, long pairCount)
    {
        this.keys = keys;
        this.records = records;
        this.blocks = blocks;
        Skipped = skipped;
        PairCount = pairCount;
    }

    public int Count => blocks.Count;

    public int Skipped { get; }

    /// <summary>Σ n(n−1)/2 over kept blocks: candidate pairs before removing those scored under another key.</summary>
    public long PairCount { get; }

    public ReadOnlySpan<int> Members(int block) => records.AsSpan(blocks[block].Start, blocks[block].Length);

    public ulong KeyOf(int block) => keys[blocks[block].Start];

    public static BlockTable Build(ulong[][] recordKeys, int maxBlockSize)
    {
        var total = 0;
        foreach (var hashes in recordKeys)
        {
            total += hashes.Length;
        }

        var keys = new ulong[total];
        var records = new int[total];
        var at = 0;
        for (var r = 0; r < recordKeys.Length; r++)
        {
            foreach (var hash in recordKeys[r])
            {
                keys[at] = hash;
                records[at++] = r;
            }
        }

        (keys, records) = SortInParallel(keys, records);
        var blocks = new List<(int, int)>();
        var oversized = new HashSet<ulong>();
        long pairCount = 0;
        for (var start = 0; start < total;)
        {
            var end = start + 1;
            while (end < total && keys[end] == keys[start])
            {
                end++;
            }

            var length = end - start;
            if (length > maxBlockSize)
            {
                oversized.Add(keys[start]);
            }
            else if (length > 1)
            {
                blocks.Add((start, length));
                pairCount += (long)length * (length - 1) / 2;
            }

            start = end;
        }

        Parallel.For(0, recordKeys.Length, r =>
        {
            var own = recordKeys[r];
            if (oversized.Count > 0 && Array.Exists(own, oversized.Contains))
            {
                own = Array.FindAll(own, k => !oversized.Contains(k));
            }

            Array.Sort(own);
            recordKeys[r] = own;
        });

        return new BlockTable(keys, records, blocks, oversized.Count, pairCount);
    }

    /// <summary>Sorts both halves on two cores, then merges them: the entries of a million records are ten million.</summary>
    private static (ulong[] Keys, int[] Records) SortInParallel(ulong[] keys, int[] records)
    {
        var half = keys.Length / 2;
        if (half < 100_000)
        {
            Array.Sort(keys, records);
            return (keys, records);
        }

        Parallel.Invoke(
            () => Array.Sort(keys, records, 0, half),
            () => Array.Sort(keys, records, half, keys.Length - half));
        var mergedKeys = new ulong[keys.Length];
        var mergedRecords = new int[keys.Length];
        int i = 0, j = half, at = 0;
        while (i < half && j < keys.Length)
        {
            if (keys[j] < keys[i])
            {
                mergedKeys[at] = keys[j];
                mergedRecords[at++] = records[j++];
            }
            else
            {
                mergedKeys[at] = keys[i];
                mergedRecords[at++] = records[i++];
            }
        }

        for (; i < half; i++, at++)
        {
            mergedKeys[at] = keys[i];
            mergedRecords[at] = records[i];
        }

        for (; j < keys.Length; j++, at++)
        {
            mergedKeys[at] = keys[j];
            mergedRecords[at] = records[j];
        }

        return (mergedKeys, mergedRecords);
    }
}
