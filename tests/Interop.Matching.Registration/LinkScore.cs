namespace Interop.Matching.Registration;

/// <summary>Pairwise precision and recall of a set of links against the truth, over the records scored.</summary>
internal sealed record LinkScore(string Label, long Predicted, long Correct, long TruePairs)
{
    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;

    public double Recall => TruePairs == 0 ? 1 : (double)Correct / TruePairs;

    /// <summary>The links as the hub stated them, pair by pair (a refusal names the applications it duplicates).</summary>
    public static LinkScore Stated(string label, IEnumerable<(int A, int B)> links, Truth truth, bool[] scored)
    {
        var pairs = links.Where(l => l.A != l.B && scored[l.A] && scored[l.B]).Select(l => l.A < l.B ? l : (l.B, l.A)).ToHashSet();
        return new LinkScore(label, pairs.Count, pairs.LongCount(p => truth.PersonOf(p.Item1) == truth.PersonOf(p.Item2)), CountTruePairs(truth, scored));
    }

    /// <summary>
    /// The links closed into households: the hub refused the second and third records of one person as duplicates of
    /// the first, which makes the second and third one household too, though no call named them together.
    /// </summary>
    public static LinkScore Closed(string label, IEnumerable<(int A, int B)> links, Truth truth, bool[] scored)
    {
        var parent = Enumerable.Range(0, scored.Length).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        foreach (var (a, b) in links)
        {
            if (scored[a] && scored[b])
            {
                parent[Find(a)] = Find(b);
            }
        }

        var clusters = Enumerable.Range(0, scored.Length).Where(i => scored[i]).GroupBy(Find);
        long predicted = 0;
        long correct = 0;
        foreach (var cluster in clusters)
        {
            predicted += Pairs(cluster.Count());
            correct += cluster.GroupBy(truth.PersonOf).Sum(p => Pairs(p.Count()));
        }

        return new LinkScore(label, predicted, correct, CountTruePairs(truth, scored));
    }

    private static long CountTruePairs(Truth truth, bool[] scored) =>
        Enumerable.Range(0, scored.Length).Where(i => scored[i]).GroupBy(truth.PersonOf).Sum(p => Pairs(p.Count()));

    private static long Pairs(long n) => n * (n - 1) / 2;
}
