using Interop.Hub.Core.History;

namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// One change of the log as the indicators count it: its kind and time, the
/// non-nominative facts the revision left (null for a revision recorded before
/// the history kept states), and what an attribution step said.
/// </summary>
public sealed record IndicatorEvent(
    string Number,
    long Revision,
    string Kind,
    DateTimeOffset OccurredAt,
    string Departement,
    HistoryFacts? Facts,
    AttributionFacts? Attribution);
