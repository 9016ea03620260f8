namespace Interop.Hub.Core.Statistics;

/// <summary>How many active applications of one territory had one household composition: a row of the stock query.</summary>
public sealed record StockGroup(string Territory, int HouseholdSize, bool CoApplicant, int Children, long Count);
