namespace Interop.Matching.Benchmarks;

/// <summary>Pairwise precision, recall and F1 of predicted pairs against true pairs.</summary>
internal readonly record struct Metrics(long TruePairs, long Predicted, long Correct)
{
    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;

    public double Recall => TruePairs == 0 ? 1 : (double)Correct / TruePairs;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Scores <paramref name="predicted"/> pairs of record indexes against entity labels.</summary>
    public static Metrics Of(IEnumerable<(int Left, int Right)> predicted, IReadOnlyList<string> entityOf, long truePairs)
    {
        long count = 0;
        long correct = 0;
        foreach (var (left, right) in predicted)
        {
            count++;
            if (entityOf[left] == entityOf[right])
            {
                correct++;
            }
        }

        return new Metrics(truePairs, count, correct);
    }

    /// <summary>All pairs of records sharing an entity, optionally only those the filter accepts.</summary>
    public static List<(int, int)> TruePairsOf(IReadOnlyList<string> entityOf, Func<int, int, bool>? filter = null)
    {
        var pairs = new List<(int, int)>();
        foreach (var group in Enumerable.Range(0, entityOf.Count).GroupBy(i => entityOf[i]))
        {
            var members = group.ToArray();
            for (var x = 0; x < members.Length; x++)
            {
                for (var y = x + 1; y < members.Length; y++)
                {
                    var (a, b) = members[x] < members[y] ? (members[x], members[y]) : (members[y], members[x]);
                    if (filter is null || filter(a, b))
                    {
                        pairs.Add((a, b));
                    }
                }
            }
        }

        return pairs;
    }
}
