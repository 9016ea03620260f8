using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.Cotation.Outlook;

/// <summary>A signed lease from the attribution history: who got which kind of dwelling where, and when.</summary>
public sealed record PastAttribution(ScoredCandidate Candidate, DateOnly LeaseDate, string CommuneCode, Typology Typology);
