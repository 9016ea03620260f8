using Interop.Cli.Output;
using Interop.Contracts.V1;

namespace Interop.Cli.Applications;

/// <summary>How an application reads for a person: a table row in lists, a short sheet for one.</summary>
internal static class ApplicationText
{
    public static TableWriter Table(TextWriter output) => new(
        output, ("NUMBER", 20), ("STATUS", 22), ("DEP", 3), ("DESK", 5), ("FILED", 10), ("EXPIRES", 10), ("REV", 3), ("APPLICANT", 0));

    public static void Row(TableWriter table, Application application) => table.Row(
        application.Number,
        Status(application),
        application.Departement,
        application.RegisteringDesk,
        Dates.Format(application.FiledDate),
        Dates.Format(application.ExpiryDate),
        application.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Applicant(application.Applicant));

    public static string Status(Application application) =>
        application.Radiation is { Reason: not RadiationReason.Unspecified } radiation && application.Status == ApplicationStatus.Radiated
            ? $"radiated ({CodeNames.Of(radiation.Reason)})"
            : CodeNames.Of(application.Status);

    public static void Sheet(TextWriter output, Application application)
    {
        void Line(string label, string value) => output.WriteLine($"{label + ":",-18}{value}");
        Line("number", application.Number);
        Line("status", Status(application));
        Line("revision", application.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line("departement", application.Departement);
        Line("desk", application.RegisteringDesk);
        Line("filed", Dates.Format(application.FiledDate));
        Line("last renewed", Dates.Format(application.LastRenewedDate));
        Line("expires", Dates.Format(application.ExpiryDate));
        if (application.MergedInto.Length > 0)
        {
            Line("merged into", application.MergedInto);
        }

        Line("applicant", Applicant(application.Applicant));
        if (application.CoApplicant is not null)
        {
            Line("co-applicant", Applicant(application.CoApplicant));
        }

        Line("household", $"{1 + (application.CoApplicant is null ? 0 : 1) + application.HouseholdMembers.Count} people");
        if (application.Wishes is { } wishes)
        {
            Line("wishes", $"{string.Join(",", wishes.Typologies.Select(CodeNames.Of))} in {string.Join(",", wishes.CommuneCodes)}");
        }

        if (application.CurrentDwelling is { } dwelling)
        {
            Line("dwelling", Dwelling(dwelling));
        }

        Line("updated", Dates.Format(application.UpdateTime));
    }

    /// <summary>The known facts only: an unknown one is left out rather than shown as 0.</summary>
    private static string Dwelling(CurrentDwellingFacts dwelling)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var rooms = dwelling.HasMainRooms ? $"{dwelling.MainRooms.ToString(invariant)} main rooms" : "rooms unknown";
        var rent = dwelling.HasMonthlyRentEur ? $"rent {dwelling.MonthlyRentEur.ToString(invariant)} EUR/month" : "rent unknown";
        return $"{rooms}, {rent}";
    }

    private static string Applicant(Person? person) =>
        person is null ? "-" : $"{person.LastName} {string.Join(' ', person.FirstNames)}, born {Dates.Format(person.BirthDate)}".Trim();
}
