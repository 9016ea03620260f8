using Interop.Hub.Core.Applications;

namespace Interop.Hub.Storage.Applications;

/// <summary>Filters of a listing; null means "any". They combine with AND.</summary>
public sealed record ApplicationFilter(
    ApplicationStatus? Status = null,
    string? Departement = null,
    string? WishedCommuneCode = null,
    DateTimeOffset? UpdatedSince = null);
