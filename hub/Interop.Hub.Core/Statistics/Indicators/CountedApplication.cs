namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// What the indicator tables last counted of one application: enough to take
/// its stock contribution back when its next change moves it. Non-nominative.
/// </summary>
/// <param name="Territories">Territory keys (<see cref="TerritoryKeys"/>) it counted in.</param>
/// <param name="FiledMonth">First day of the month of filing, for seniority.</param>
public sealed record CountedApplication(
    string Number,
    long Revision,
    bool Active,
    IReadOnlyList<string> Territories,
    NeededTypology Typology,
    DateOnly FiledMonth,
    bool Transfer,
    bool PriorityHousehold);
