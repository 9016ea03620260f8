using Interop.Hub.Core.Applications;

namespace Interop.Hub.Storage.Applications;

/// <summary>Between <see cref="ApplicationRecord"/> and the columns of <c>applications</c>.</summary>
internal static class ApplicationRowMapper
{
    public static string StatusText(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Active => "active",
        ApplicationStatus.Radiated => "radiated",
        ApplicationStatus.Merged => "merged",
        ApplicationStatus.Erased => "erased",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No stored form."),
    };

    public static ApplicationStatus StatusOf(string text) => text switch
    {
        "active" => ApplicationStatus.Active,
        "radiated" => ApplicationStatus.Radiated,
        "merged" => ApplicationStatus.Merged,
        "erased" => ApplicationStatus.Erased,
        _ => throw new InvalidDataException($"Unknown stored status '{text}'."),
    };

    public static ApplicationRecord ToRecord(ApplicationRow row) => new()
    {
        Number = row.Number,
        Departement = row.Departement,
        RegisteringDesk = row.RegisteringDesk,
        Status = StatusOf(row.Status),
        Revision = row.Revision,
        FiledDate = row.FiledDate,
        LastRenewedDate = row.LastRenewedDate,
        ExpiryDate = row.ExpiryDate,
        Radiation = row.RadiationReason is null
            ? null
            : new Radiation(
                SneCodes.RadiationReasonOf(row.RadiationReason),
                row.RadiationDate ?? throw new InvalidDataException($"Application {row.Number} is radiated without a date."),
                row.WarningLetterDate,
                row.InadmissibilityReason is null ? InadmissibilityReason.Unspecified : SneCodes.InadmissibilityReasonOf(row.InadmissibilityReason)),
        MergedInto = row.MergedInto,
        Household = row.Household is null ? null : HouseholdJson.Deserialize(row.Household),
        CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc)),
        UpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(row.UpdatedAt, DateTimeKind.Utc)),
    };

    public static ApplicationRow ToRow(ApplicationRecord record, string origin) => new()
    {
        Number = record.Number,
        Departement = record.Departement,
        RegisteringDesk = record.RegisteringDesk,
        Origin = origin,
        Status = StatusText(record.Status),
        Revision = record.Revision,
        FiledDate = record.FiledDate,
        LastRenewedDate = record.LastRenewedDate,
        ExpiryDate = record.ExpiryDate,
        RadiationReason = record.Radiation is null ? null : SneCodes.Of(record.Radiation.Reason),
        RadiationDate = record.Radiation?.Date,
        WarningLetterDate = record.Radiation?.WarningLetterDate,
        InadmissibilityReason = record.Radiation is { InadmissibilityReason: not InadmissibilityReason.Unspecified } radiation
            ? SneCodes.Of(radiation.InadmissibilityReason)
            : null,
        MergedInto = record.MergedInto,
        Household = record.Household is null ? null : HouseholdJson.Serialize(record.Household),
        WishedCommunes = (record.Household?.Wishes.CommuneCodes ?? []).ToArray(),
        CreatedAt = record.CreatedAt.UtcDateTime,
        UpdatedAt = record.UpdatedAt.UtcDateTime,
    };
}
