using Interop.Hub.Core.Applications;

namespace Interop.Hub.Applications;

/// <summary>Details recorded with a change of an application, shared by every path that writes the same kind.</summary>
internal static class ChangeDetails
{
    /// <summary>The status an application was left in: registration, import, radiation, reactivation.</summary>
    public static object Status(ApplicationRecord record) => new
    {
        status = record.Status.ToString().ToLowerInvariant(),
        radiation_reason = record.Radiation is null ? null : SneCodes.Of(record.Radiation.Reason),
        expiry_date = record.ExpiryDate,
    };
}
