namespace Interop.Hub.Core.Matching.Geography;

/// <summary>
/// The official geography, as far as matching needs it: a birth place typed as an INSEE code
/// (current, former, delegated commune or municipal arrondissement) or as a commune name, resolved
/// to today's commune. Implementations load the data; the core only asks.
/// </summary>
public interface ICommuneDirectory
{
    /// <summary>Today's commune, or null when the code or name is unknown or the name is ambiguous.</summary>
    CommuneRef? Resolve(string codeOrName);
}
