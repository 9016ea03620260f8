namespace Interop.Matching.HeldOut.Population;

/// <summary>Draws items in proportion to their weights (cumulative sums and a binary search).</summary>
internal sealed class WeightedList<T>
{
    private readonly List<T> _items = [];
    private readonly List<double> _cumulative = [];

    public int Count => _items.Count;

    public double Total => _cumulative.Count == 0 ? 0 : _cumulative[^1];

    public void Add(T item, double weight)
    {
        if (weight <= 0)
        {
            return;
        }

        _items.Add(item);
        _cumulative.Add(Total + weight);
    }

    public T Draw(Random random)
    {
        var target = random.NextDouble() * Total;
        var index = _cumulative.BinarySearch(target);
        index = index < 0 ? ~index : index + 1;
        return _items[Math.Min(index, _items.Count - 1)];
    }
}
