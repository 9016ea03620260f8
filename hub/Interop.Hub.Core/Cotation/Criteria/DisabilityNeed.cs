namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>Which disability need a criterion asks for.</summary>
public enum DisabilityNeed
{
    /// <summary>Either need (grid name <c>any</c>).</summary>
    Any = 1,

    /// <summary>A dwelling accessible in a wheelchair (<c>wheelchair</c>).</summary>
    Wheelchair = 2,

    /// <summary>A dwelling adapted to another disability (<c>adapted</c>).</summary>
    Adapted = 3,
}
