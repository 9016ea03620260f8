namespace Interop.Hub.Core.Matching.Comparators;

/// <summary>
/// Damerau-Levenshtein distance in its "optimal string alignment" form: insertions, deletions,
/// substitutions and swaps of two adjacent characters each cost one. The swap matters because
/// it is the commonest keyboard error in numbers and dates (1958 → 1985 is one edit, not two).
/// </summary>
public static class DamerauLevenshtein
{
    /// <summary>
    /// Whether <see cref="Distance"/> is at most one, without the table: one substitution, one swap of
    /// adjacent characters or one insertion. Dates and NIRs ask only this, for every candidate pair.
    /// </summary>
    public static bool WithinOne(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length < b.Length)
        {
            var swap = a;
            a = b;
            b = swap;
        }

        if (a.Length - b.Length > 1)
        {
            return false;
        }

        var i = a.CommonPrefixLength(b);
        if (i == b.Length)
        {
            return true;
        }

        if (a.Length != b.Length)
        {
            return a[(i + 1)..].SequenceEqual(b[i..]);
        }

        return a[(i + 1)..].SequenceEqual(b[(i + 1)..]) ||
            (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]));
    }

    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        var width = b.Length + 1;
        var size = 3 * width;
        Span<int> rows = size <= 256 ? stackalloc int[size] : new int[size];
        var twoBack = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, twoBack[j - 2] + 1);
                }

                current[j] = best;
            }

            // Rotate the three rows without copying.
            var recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }

        return previous[b.Length];
    }
}
