namespace Interop.Hub.Core.Matching;

/// <summary>An in-memory set of unordered id pairs declared distinct.</summary>
public sealed class DeclaredDistinctPairs : IDeclaredDistinctPairs
{
    private readonly HashSet<(string, string)> pairs = [];

    public DeclaredDistinctPairs(IEnumerable<(string Left, string Right)> declared)
    {
        foreach (var (left, right) in declared)
        {
            pairs.Add(Ordered(left, right));
        }
    }

    public static DeclaredDistinctPairs None { get; } = new([]);

    public int Count => pairs.Count;

    public bool AreDistinct(string leftId, string rightId) => pairs.Count > 0 && pairs.Contains(Ordered(leftId, rightId));

    private static (string, string) Ordered(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}
