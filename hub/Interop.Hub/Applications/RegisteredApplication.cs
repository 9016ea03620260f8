using Interop.Hub.Core.Applications;
using Interop.Hub.Matching;

namespace Interop.Hub.Applications;

/// <summary>A new application as written, and the probable duplicates sent to the review queue with it.</summary>
internal sealed record RegisteredApplication(ApplicationRecord Application, IReadOnlyList<DuplicateMatch> Candidates);
