namespace Interop.Hub.Core.Matching;

/// <summary>Pairs an operator declared "not the same household": never proposed again.</summary>
public interface IDeclaredDistinctPairs
{
    bool AreDistinct(string leftId, string rightId);
}
