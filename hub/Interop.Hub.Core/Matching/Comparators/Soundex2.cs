using System.Text;

namespace Interop.Hub.Core.Matching.Comparators;

/// <summary>
/// Soundex2, Frédéric Brouard's French adaptation of Soundex (1999): a sound skeleton of a name made
/// of its first letter and its consonants after French spelling rules (GU/GA/CA → K, PH → F, mute H,
/// final silent D/T/S). The published code keeps four characters; <see cref="Skeleton"/> keeps them
/// all, which makes finer blocking keys.
/// </summary>
public static class Soundex2
{
    /// <summary>The published four-character code (shorter when the name has fewer sounds).</summary>
    public static string Encode(string? name)
    {
        var skeleton = Skeleton(name);
        return skeleton.Length <= 4 ? skeleton : skeleton[..4];
    }

    // Names repeat (a million records hold a few tens of thousands of surnames): remember codes,
    // up to a bound so memory stays flat on adversarial input.
    private static readonly Normalisation.BoundedCache<string, string> Cache = new(500_000, StringComparer.Ordinal);

    /// <summary>The code before truncation to four characters.</summary>
    public static string Skeleton(string? name) => name is null ? "" : Cache.GetOrAdd(name, Compute);

    private static string Compute(string name)
    {
        var folded = TextFolding.Fold(name).Replace(" ", "", StringComparison.Ordinal);
        if (folded.Length == 0)
        {
            return "";
        }

        var code = new StringBuilder(folded);

        // 1. Letter groups that sound K.
        ReplaceGroups(code);

        // 2. Every vowel but the first letter becomes A.
        for (var i = 1; i < code.Length; i++)
        {
            if (code[i] is 'E' or 'I' or 'O' or 'U')
            {
                code[i] = 'A';
            }
        }

        // 3. Prefixes.
        ReplacePrefix(code, "MAC", "MCC");
        ReplacePrefix(code, "SCH", "SSS");
        ReplacePrefix(code, "ASA", "AZA");
        ReplacePrefix(code, "KN", "NN");
        ReplacePrefix(code, "PH", "FF");
        ReplacePrefix(code, "PF", "FF");

        // 4. H is mute unless after C or S; Y is mute unless after A.
        RemoveAfterUnless(code, 'H', static previous => previous is 'C' or 'S');
        RemoveAfterUnless(code, 'Y', static previous => previous == 'A');

        // 5. Silent endings.
        if (code.Length > 1 && code[^1] is 'A' or 'D' or 'T' or 'S')
        {
            code.Length--;
        }

        // 6. Non-initial A go, then repeated letters collapse.
        var result = new StringBuilder(code.Length);
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (i > 0 && c == 'A')
            {
                continue;
            }

            if (result.Length > 0 && result[^1] == c)
            {
                continue;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private static void ReplaceGroups(StringBuilder code)
    {
        var text = code.ToString();
        var output = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var afterNext = i + 2 < text.Length ? text[i + 2] : '\0';
            if (c == 'G' && next == 'U' && afterNext is 'I' or 'E')
            {
                output.Append('K');
                i++;
            }
            else if (c == 'G' && next is 'A' or 'O')
            {
                output.Append('K');
            }
            else if (c == 'G' && next == 'U')
            {
                output.Append('K');
                i++;
            }
            else if (c == 'C' && next is 'A' or 'O' or 'U')
            {
                output.Append('K');
            }
            else if (c == 'Q')
            {
                output.Append('K');
            }
            else if (c == 'C' && next is 'C' or 'K')
            {
                output.Append('K');
                i++;
            }
            else
            {
                output.Append(c);
            }
        }

        code.Clear().Append(output);
    }

    private static void ReplacePrefix(StringBuilder code, string prefix, string replacement)
    {
        if (code.Length >= prefix.Length && code.ToString(0, prefix.Length) == prefix)
        {
            code.Remove(0, prefix.Length).Insert(0, replacement);
        }
    }

    private static void RemoveAfterUnless(StringBuilder code, char letter, Func<char, bool> keepAfter)
    {
        for (var i = code.Length - 1; i >= 1; i--)
        {
            if (code[i] == letter && !keepAfter(code[i - 1]))
            {
                code.Remove(i, 1);
            }
        }
    }
}
