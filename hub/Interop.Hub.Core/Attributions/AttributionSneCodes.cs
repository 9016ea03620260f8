namespace Interop.Hub.Core.Attributions;

/// <summary>
/// The SNE codes of the attribution lists (domain §1.6). The store keeps these
/// codes, so the rows read as the national interface does and survive a
/// renumbering of our enums.
/// </summary>
public static class AttributionSneCodes
{
    private static readonly Dictionary<ReservationHolder, string> Holders = new()
    {
        [ReservationHolder.LocalAuthority] = "COLTER",
        [ReservationHolder.Employers] = "COLACT",
        [ReservationHolder.PrefectPriority] = "PPRIOR",
        [ReservationHolder.PrefectCivilServants] = "PFONCT",
        [ReservationHolder.Other] = "AUTRES",
        [ReservationHolder.None] = "AUCUN",
    };

    private static readonly Dictionary<CollectiveAgreement, string> Agreements = new()
    {
        [CollectiveAgreement.Departmental] = "ACD",
        [CollectiveAgreement.Intercommunal] = "ACI",
        [CollectiveAgreement.None] = "AUCUN",
        [CollectiveAgreement.NotDocumented] = "NONDOC",
    };

    public static string Of(ReservationHolder holder) => Holders[holder];

    public static string Of(CollectiveAgreement agreement) => Agreements[agreement];

    public static ReservationHolder ReservationHolderOf(string code) => Holders.Single(pair => pair.Value == code).Key;

    public static CollectiveAgreement CollectiveAgreementOf(string code) => Agreements.Single(pair => pair.Value == code).Key;
}
