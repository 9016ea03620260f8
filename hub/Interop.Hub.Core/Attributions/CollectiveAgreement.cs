namespace Interop.Hub.Core.Attributions;

/// <summary>
/// Whether an attribution falls under the collective agreement on
/// attributions (SNE ListeAccordCollectif). Numeric values mirror the contract.
/// </summary>
public enum CollectiveAgreement
{
    Unspecified = 0,

    /// <summary>SNE <c>ACD</c>: accord collectif départemental.</summary>
    Departmental = 1,

    /// <summary>SNE <c>ACI</c>: accord collectif intercommunal.</summary>
    Intercommunal = 2,

    /// <summary>SNE <c>AUCUN</c>.</summary>
    None = 3,

    /// <summary>SNE <c>NONDOC</c>: not documented.</summary>
    NotDocumented = 4,
}
