using Interop.Hub.Core.Matching.Comparators;

namespace Interop.Hub.Core.Matching.Geography;

/// <summary>A current commune: its INSEE code, official name and département code.</summary>
public sealed record CommuneRef(string Code, string Name, string Departement)
{
    /// <summary>The folded name, computed once per commune rather than once per person born there.</summary>
    public string FoldedName { get; } = TextFolding.Fold(Name);
}
