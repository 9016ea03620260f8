using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Numbering;

namespace Interop.Hub.Core.Access;

/// <summary>
/// Who may see and do what, decided here and nowhere else (domain §8, §13.3:
/// R441-2-6 CCH). Nominative applications are read for attribution purposes
/// only: landlords in the départements where they hold stock, registering
/// collectivities for their territory, State services for theirs, the
/// national exchange everywhere; statistical users never.
/// </summary>
public static class AccessPolicy
{
    /// <summary>The applications whose personal data <paramref name="organization"/> may read.</summary>
    public static ReadScope NominativeReadScope(Organization organization) => organization.Kind switch
    {
        OrganizationKind.HubAdministrator or OrganizationKind.NationalExchange => ReadScope.Everything,
        OrganizationKind.Landlord => new ReadScope
        {
            Departements = organization.StockCommuneCodes.Select(Departements.OfCommune).OfType<string>().Distinct().ToList(),
            Desks = organization.RegisteringDesks,
        },
        OrganizationKind.Collectivity => new ReadScope
        {
            Departements = organization.Territory.Departements,
            WishedCommunes = organization.Territory.CommuneCodes,
            Desks = organization.RegisteringDesks,
        },
        OrganizationKind.ReservationHolder or OrganizationKind.StateService => new ReadScope
        {
            Departements = organization.Territory.Departements,
            Desks = organization.RegisteringDesks,
        },
        _ => ReadScope.Nothing,
    };

    /// <summary>
    /// The territories whose aggregates <paramref name="organization"/> may
    /// read (issue 13): a collectivity its territory, the State and
    /// reservation holders their départements, a statistics reader the
    /// territory it was granted, a landlord the départements it reads anyway;
    /// the national exchange and administrators the whole file.
    /// </summary>
    public static StatisticsScope StatisticsScopeOf(Organization organization) => organization.Kind switch
    {
        OrganizationKind.HubAdministrator or OrganizationKind.NationalExchange => StatisticsScope.Everything,
        OrganizationKind.Landlord => new StatisticsScope { Departements = NominativeReadScope(organization).Departements },
        OrganizationKind.Collectivity or OrganizationKind.StatisticsReader => new StatisticsScope
        {
            Departements = organization.Territory.Departements,
            CommuneCodes = organization.Territory.CommuneCodes,
        },
        OrganizationKind.ReservationHolder or OrganizationKind.StateService => new StatisticsScope { Departements = organization.Territory.Departements },
        _ => StatisticsScope.Nothing,
    };

    public static bool CanRead(Organization organization, ApplicationRecord application) =>
        NominativeReadScope(organization).Covers(application);

    /// <summary>Registering organisations with at least one desk register and record the applicant's changes.</summary>
    public static bool IsRegistering(Organization organization) =>
        organization.Kind is OrganizationKind.Landlord or OrganizationKind.Collectivity
            or OrganizationKind.ReservationHolder or OrganizationKind.StateService
        && organization.RegisteringDesks.Count > 0;

    /// <summary>Updates, renewals, radiations and reactivations: a registering organisation that may read the application.</summary>
    public static bool CanChange(Organization organization, ApplicationRecord application) =>
        IsRegistering(organization) && CanRead(organization, application);

    /// <summary>Applications numbered elsewhere come from the national registry (or the operator's migration).</summary>
    public static bool CanImport(Organization organization) =>
        organization.Kind is OrganizationKind.NationalExchange or OrganizationKind.HubAdministrator;

    /// <summary>
    /// What the national registry answers (rejected lines, radiations decided
    /// elsewhere) reaches the hub through the national exchange job only.
    /// </summary>
    public static bool ReportsNationalReturns(Organization organization) => organization.Kind == OrganizationKind.NationalExchange;

    public static bool CanAdminister(Organization organization) => organization.Kind == OrganizationKind.HubAdministrator;

    /// <summary>
    /// The audit trail of an application: the administrator, and the
    /// organisation that registered it (where the applicant exercises the right
    /// of access).
    /// </summary>
    public static bool CanReadAuditOf(Organization organization, ApplicationRecord application) =>
        CanAdminister(organization) || organization.RegisteringDesks.Contains(application.RegisteringDesk);
}
