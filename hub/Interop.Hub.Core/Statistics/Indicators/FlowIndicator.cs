namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>The flow indicators the tables count, as stored (<c>indicator_flows.indicator</c>); stable strings.</summary>
public static class FlowIndicator
{
    /// <summary>Registered or imported.</summary>
    public const string New = "new";

    public const string Renewed = "renewed";

    /// <summary>Dimension: the <see cref="Applications.RadiationReason"/> name.</summary>
    public const string Radiated = "radiated";

    /// <summary>Dimension: the needed typology's number.</summary>
    public const string Attributed = "attributed";

    /// <summary>Dimension: the reservation holder's SNE code, empty when no lease said.</summary>
    public const string AttributedByHolder = "attributed_holder";

    public const string AttributedPriority = "attributed_priority";

    /// <summary>Dimension: whole months from filing to the radiation.</summary>
    public const string AttributionDelay = "attribution_delay";

    public const string OfferRefused = "offer_refused";
}
