namespace Interop.Hub.Core.Cotation.Grids;

/// <summary>How the criteria of one rubric add up.</summary>
public enum RubricRule
{
    /// <summary>Only the criterion worth the most points counts (Paris: « un seul critère par rubrique »).</summary>
    Highest = 1,

    /// <summary>Every criterion met counts (Lyon).</summary>
    Cumulative = 2,
}
