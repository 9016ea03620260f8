using System.Globalization;
using Interop.Cli.Output;
using Interop.Contracts.V1;
using nietras.SeparatedValues;

namespace Interop.Cli.Export;

/// <summary>The columns of <c>interop export</c>: one row per application, dates as YYYY-MM-DD (empty when unset), lists joined by spaces.</summary>
internal static class ApplicationCsv
{
    public static readonly string[] Columns =
    [
        "number", "status", "radiation_reason", "departement", "registering_desk", "filed_date", "last_renewed_date", "expiry_date", "revision",
        "last_name", "birth_name", "first_names", "birth_date", "household_size", "typologies", "wished_communes", "update_time",
    ];

    public static void Write(SepWriter writer, Application application)
    {
        var applicant = application.Applicant ?? new Person();
        using var row = writer.NewRow();
        row["number"].Set(application.Number);
        row["status"].Set(CodeNames.Of(application.Status));
        row["radiation_reason"].Set(application.Radiation is { Reason: not RadiationReason.Unspecified } radiation ? CodeNames.Of(radiation.Reason) : "");
        row["departement"].Set(application.Departement);
        row["registering_desk"].Set(application.RegisteringDesk);
        row["filed_date"].Set(Dates.Format(application.FiledDate, absent: ""));
        row["last_renewed_date"].Set(Dates.Format(application.LastRenewedDate, absent: ""));
        row["expiry_date"].Set(Dates.Format(application.ExpiryDate, absent: ""));
        row["revision"].Set(application.Revision.ToString(CultureInfo.InvariantCulture));
        row["last_name"].Set(applicant.LastName);
        row["birth_name"].Set(applicant.BirthName);
        row["first_names"].Set(string.Join(' ', applicant.FirstNames));
        row["birth_date"].Set(Dates.Format(applicant.BirthDate, absent: ""));
        row["household_size"].Set((1 + (application.CoApplicant is null ? 0 : 1) + application.HouseholdMembers.Count).ToString(CultureInfo.InvariantCulture));
        row["typologies"].Set(string.Join(' ', application.Wishes?.Typologies.Select(CodeNames.Of) ?? []));
        row["wished_communes"].Set(string.Join(' ', application.Wishes?.CommuneCodes ?? []));
        row["update_time"].Set(Dates.Format(application.UpdateTime, absent: ""));
    }
}
