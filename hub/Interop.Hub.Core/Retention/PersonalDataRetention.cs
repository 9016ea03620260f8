using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.Retention;

/// <summary>
/// Personal data of a radiated application are kept one year after the
/// radiation, then erased (domain §2.4, §8); the number stays reserved and
/// non-nominative facts stay for statistics.
/// </summary>
public static class PersonalDataRetention
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(365);

    public static DateOnly ErasureDue(Radiation radiation, TimeSpan period) =>
        radiation.Date.AddDays((int)Math.Ceiling(period.TotalDays));

    public static bool IsDueForErasure(ApplicationRecord application, DateOnly today, TimeSpan period) =>
        application.Status == ApplicationStatus.Radiated
        && application.Radiation is { } radiation
        && today >= ErasureDue(radiation, period);

    /// <summary>The application without its personal data; revision and time are the store's.</summary>
    public static ApplicationRecord Erase(ApplicationRecord application) =>
        application with { Status = ApplicationStatus.Erased, Household = null };

    /// <summary>What the observatory may keep of an erased application: no name, no date of birth, no contact.</summary>
    public static ErasedApplicationFacts FactsOf(ApplicationRecord application) => new(
        application.Departement,
        application.FiledDate,
        application.Radiation?.Date,
        application.Radiation is { } r ? SneCodes.Of(r.Reason) : null,
        1 + (application.Household?.CoApplicant is null ? 0 : 1) + (application.Household?.Members.Count ?? 0),
        application.Household?.Wishes.Typologies.Select(t => t.ToString()).ToList() ?? [],
        application.Household?.Wishes.CommuneCodes.ToList() ?? []);
}
