using Interop.Hub.Core.Access;
using Interop.Hub.Core.Applications;

namespace Interop.Hub.Applications;

/// <summary>
/// A household to register at one of the caller's desks, already validated.
/// <paramref name="Caller"/> decides what a refusal as a duplicate may show of
/// the applications it names (only those the caller may read are explained).
/// </summary>
internal sealed record NewRegistration(string Departement, string Desk, Household Household, ChangeAuthor Author, Organization Caller);
