using Interop.Hub.Core.Statistics.Indicators;

namespace Interop.Hub.Storage.Statistics;

/// <summary>One territory's rows of one month, as <see cref="IndicatorRowCache"/> keeps them (the unit it reads again).</summary>
internal sealed record MonthRows(List<StockMovement> Movements, List<FlowCount> Flows);
