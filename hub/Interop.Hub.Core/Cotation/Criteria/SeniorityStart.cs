namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>The date seniority is counted from.</summary>
public enum SeniorityStart
{
    /// <summary>The first filing, kept through renewals (grid name <c>filing</c>).</summary>
    Filing = 1,

    /// <summary>The last renewal, or the filing before the first one (<c>lastRenewal</c>).</summary>
    LastRenewal = 2,
}
