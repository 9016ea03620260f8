namespace Interop.Hub.Core.Access;

/// <summary>The kinds of organisation; values mirror the contract's <c>OrganizationKind</c>.</summary>
public enum OrganizationKind
{
    Unspecified = 0,
    Landlord = 1,
    Collectivity = 2,
    ReservationHolder = 3,
    StateService = 4,
    NationalExchange = 5,
    StatisticsReader = 6,
    HubAdministrator = 7,
}
