namespace Interop.Hub.Core.Matching.Geography;

/// <summary>A current commune: its INSEE code, official name and département code.</summary>
public sealed record CommuneRef(string Code, string Name, string Departement);
