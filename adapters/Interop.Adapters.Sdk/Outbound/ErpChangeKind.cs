namespace Interop.Adapters.Sdk.Outbound;

/// <summary>What an ERP change does to its application on the hub.</summary>
public enum ErpChangeKind
{
    /// <summary>A new household: <c>CreateApplication</c>, or a link to the existing number when the hub answers <c>DUPLICATE_APPLICATION</c>.</summary>
    Register = 1,

    /// <summary>Household data changed: <c>UpdateApplication</c> of <see cref="ErpChange.ChangedFields"/>.</summary>
    Update = 2,

    /// <summary>The household renewed its application: <c>RenewApplication</c>.</summary>
    Renew = 3,

    /// <summary>The application ends: <c>RadiateApplication</c> with the reason mapped from <see cref="ErpChange.RadiationReasonCode"/>.</summary>
    Radiate = 4,

    /// <summary>
    /// The ERP attributed one of the landlord's dwellings to the household (the CAL's decision, the offer,
    /// the household's acceptance, the signed lease): the attribution path of <c>AttributionService</c> up to
    /// the step <see cref="ErpChange.Attribution"/> reached. A signed lease radiates the application for
    /// attribution (<c>RADATT</c>) at every landlord.
    /// </summary>
    Attribute = 5,
}
