using Interop.Hub.Core.Matching.Batch;

namespace Interop.Hub.Core.Tests.Matching.Batch;

public class BlockTableTests
{
    [Theory]
    [InlineData(50)]
    [InlineData(40_000)]
    public void Build_GroupsEveryKeyHeldTwiceOrMore_AndDropsSuperBlocks(int recordCount)
    {
        // 40,000 records of 8 keys is enough entries to take the two-core sort and merge.
        var random = new Random(5);
        var recordKeys = Enumerable.Range(0, recordCount)
            .Select(_ => Enumerable.Range(0, 8).Select(_ => (ulong)random.Next(recordCount)).Distinct().ToArray())
            .ToArray();
        var holders = recordKeys.SelectMany((keys, record) => keys.Select(key => (key, record)))
            .GroupBy(e => e.key)
            .ToDictionary(g => g.Key, g => g.Select(e => e.record).Order().ToArray());
        const int maxBlockSize = 12;

        var table = BlockTable.Build(recordKeys, maxBlockSize);

        var expected = holders.Where(h => h.Value.Length is > 1 and <= maxBlockSize).ToDictionary();
        Assert.Equal(expected.Count, table.Count);
        Assert.Equal(holders.Count(h => h.Value.Length > maxBlockSize), table.Skipped);
        Assert.Equal(expected.Values.Sum(r => (long)r.Length * (r.Length - 1) / 2), table.PairCount);
        for (var b = 0; b < table.Count; b++)
        {
            Assert.Equal(expected[table.KeyOf(b)], table.Members(b).ToArray().Order());
            Assert.True(b == 0 || table.KeyOf(b - 1) < table.KeyOf(b));
        }

        // Each record keeps its own keys sorted, without those of the skipped super-blocks.
        for (var r = 0; r < recordKeys.Length; r++)
        {
            Assert.True(recordKeys[r].SequenceEqual(recordKeys[r].Order()));
            Assert.All(recordKeys[r], key => Assert.True(holders[key].Length <= maxBlockSize));
        }
    }
}
