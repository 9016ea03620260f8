namespace Interop.Hub.Core.Statistics;

/// <summary>A published identity between cells of a table: the cell <paramref name="Sum"/> is the sum of the cells <paramref name="Parts"/> (indexes).</summary>
public sealed record CellRelation(int Sum, IReadOnlyList<int> Parts);
