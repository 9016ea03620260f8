using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Matching;

namespace Interop.Hub.Matching;

/// <summary>An existing application that may belong to the same household, with the comparison that says so.</summary>
internal sealed record DuplicateMatch(ApplicationRecord Candidate, MatchResult Result);
