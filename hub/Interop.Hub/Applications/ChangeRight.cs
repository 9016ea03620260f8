using Interop.Hub.Core.Access;
using Interop.Hub.Core.Applications;

namespace Interop.Hub.Applications;

/// <summary>
/// Who may change an application they can see, and what a refused caller is
/// told. Most changes are the applicant's, recorded by registering
/// organisations; some calls let others in too (the administrator unmerges).
/// </summary>
internal sealed record ChangeRight(Func<Organization, ApplicationRecord, bool> Allows, string Refusal)
{
    /// <summary>Updates, renewals, radiations and reactivations: <see cref="AccessPolicy.CanChange"/>.</summary>
    public static readonly ChangeRight ApplicantChanges = new(
        AccessPolicy.CanChange, "change applications: only registering organisations record an applicant's changes");
}
