using System.Collections.Concurrent;

namespace Interop.Hub.Core.Matching.Normalisation;

/// <summary>
/// A thread-safe memo of a pure function that stops growing at a bound, so memory stays flat on
/// adversarial input. Names repeat (a million records hold a few tens of thousands of surnames), so
/// normalising each distinct value once saves most of the work and shares one immutable object
/// between records, which also makes equal values compare by reference.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>(int limit, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> entries = new(comparer);

    // ConcurrentDictionary.Count takes every lock: count additions ourselves.
    private int count;

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> compute)
    {
        if (entries.TryGetValue(key, out var known))
        {
            return known;
        }

        var value = compute(key);
        if (Volatile.Read(ref count) < limit && entries.TryAdd(key, value))
        {
            Interlocked.Increment(ref count);
        }

        return value;
    }
}
