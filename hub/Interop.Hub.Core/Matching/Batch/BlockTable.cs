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

        Array.Sort(keys, records);
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

        for (var r = 0; r < recordKeys.Length; r++)
        {
            var own = recordKeys[r];
            if (oversized.Count > 0 && own.Any(oversized.Contains))
            {
                own = own.Where(k => !oversized.Contains(k)).ToArray();
            }

            Array.Sort(own);
            recordKeys[r] = own;
        }

        return new BlockTable(keys, records, blocks, oversized.Count, pairCount);
    }
}
