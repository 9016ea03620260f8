using System.Numerics;

namespace Interop.Hub.Core.Matching.Comparators;

/// <summary>
/// Jaro-Winkler similarity (Winkler 1990): 1 for equal strings, 0 for nothing in common, with a
/// bonus for a common prefix of up to four characters — typing errors rarely hit the first letters.
/// </summary>
public static class JaroWinkler
{
    private const double PrefixScale = 0.1;
    private const int MaxPrefix = 4;

    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        if (a.SequenceEqual(b))
        {
            return 1;
        }

        if (a.Length > b.Length)
        {
            var swap = a;
            a = b;
            b = swap;
        }

        // Names and street lines fit in 64 characters: the matched flags are two machine words, so
        // the batch hot path (four or more of these per candidate pair) touches no buffer at all.
        return b.Length <= 64 ? Short(a, b) : Long(a, b);
    }

    internal static double Short(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        ulong matchedA = 0;
        ulong matchedB = 0;
        var window = Math.Max(0, (b.Length / 2) - 1);
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            var c = a[i];
            for (var j = from; j <= to; j++)
            {
                var bit = 1UL << j;
                if ((matchedB & bit) == 0 && c == b[j])
                {
                    matchedA |= 1UL << i;
                    matchedB |= bit;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        // The k-th matched character of a against the k-th matched character of b.
        var transpositions = 0;
        while (matchedA != 0)
        {
            if (a[BitOperations.TrailingZeroCount(matchedA)] != b[BitOperations.TrailingZeroCount(matchedB)])
            {
                transpositions++;
            }

            matchedA &= matchedA - 1;
            matchedB &= matchedB - 1;
        }

        return WithPrefix(a, b, matches, transpositions);
    }

    internal static double Long(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var matchedA = new bool[a.Length];
        var matchedB = new bool[b.Length];
        var window = Math.Max(0, (b.Length / 2) - 1);
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!matchedB[j] && a[i] == b[j])
                {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!matchedA[i])
            {
                continue;
            }

            while (!matchedB[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        return WithPrefix(a, b, matches, transpositions);
    }

    private static double WithPrefix(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int matches, int transpositions)
    {
        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3.0;
        var prefix = 0;
        var limit = Math.Min(MaxPrefix, a.Length);
        while (prefix < limit && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * PrefixScale * (1 - jaro));
    }
}
