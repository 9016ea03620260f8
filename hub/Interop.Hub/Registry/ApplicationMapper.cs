using Google.Protobuf.WellKnownTypes;
using Interop.Hub.Core.Validation;
using Domain = Interop.Hub.Core.Applications;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Registry;

/// <summary>
/// Between the contract's messages and the domain model. Reading a request
/// collects mapping problems (impossible dates, unknown enum numbers) as field
/// violations under the contract's paths; the domain validator adds the rest.
/// Strings are trimmed on the way in.
/// </summary>
internal static class ApplicationMapper
{
    public static string ResourceName(string number) => "applications/" + number;

    public static V1.Application ToProto(Domain.ApplicationRecord record)
    {
        var application = new V1.Application
        {
            Name = ResourceName(record.Number),
            Number = record.Number,
            Status = (V1.ApplicationStatus)(int)record.Status,
            Revision = record.Revision,
            FiledDate = DateMapping.ToProto(record.FiledDate),
            LastRenewedDate = DateMapping.ToProto(record.LastRenewedDate),
            ExpiryDate = DateMapping.ToProto(record.ExpiryDate),
            RegisteringDesk = record.RegisteringDesk,
            Departement = record.Departement,
            MergedInto = record.MergedInto is null ? "" : ResourceName(record.MergedInto),
            CreateTime = Timestamp.FromDateTimeOffset(record.CreatedAt),
            UpdateTime = Timestamp.FromDateTimeOffset(record.UpdatedAt),
        };
        if (record.Radiation is { } radiation)
        {
            application.Radiation = new V1.Radiation
            {
                Reason = (V1.RadiationReason)(int)radiation.Reason,
                InadmissibilityReason = (V1.InadmissibilityReason)(int)radiation.InadmissibilityReason,
                RadiationDate = DateMapping.ToProto(radiation.Date),
                WarningLetterDate = DateMapping.ToProto(radiation.WarningLetterDate),
            };
        }

        if (record.Household is { } household)
        {
            HouseholdMapper.CopyToProto(household, application);
        }

        return application;
    }

    /// <summary>The household described by a request's application, or by the stored one with the masked fields replaced.</summary>
    public static Domain.Household HouseholdOf(V1.Application? application, string prefix, Violations violations) =>
        HouseholdMapper.FromProto(application ?? new V1.Application(), prefix, violations);
}
