using System.Globalization;
using System.Text;

namespace Interop.Matching.HeldOut.Records;

/// <summary>The text-level errors: AZERTY neighbours, spelling as heard, accents lost, case.</summary>
internal static class Spelling
{
    // Neighbours on a French AZERTY keyboard (same row and the rows above and below).
    private static readonly Dictionary<char, string> Neighbours = new()
    {
        ['a'] = "zqs", ['z'] = "aeqsd", ['e'] = "zrsdf", ['r'] = "etdfg", ['t'] = "ryfgh", ['y'] = "tughj",
        ['u'] = "yihjk", ['i'] = "uojkl", ['o'] = "ipklm", ['p'] = "olm", ['q'] = "azsw", ['s'] = "qdzewx",
        ['d'] = "sfexc", ['f'] = "dgrcv", ['g'] = "fhtvb", ['h'] = "gjybn", ['j'] = "hkun", ['k'] = "jlio",
        ['l'] = "kmop", ['m'] = "lp", ['w'] = "qsx", ['x'] = "wsdc", ['c'] = "xdfv", ['v'] = "cfgb",
        ['b'] = "vghn", ['n'] = "bhj",
    };

    // As heard at the counter: each pair both ways.
    private static readonly (string, string)[] Sounds =
    [
        ("ph", "f"), ("y", "i"), ("ault", "aut"), ("aut", "ot"), ("eau", "o"), ("ai", "é"), ("è", "ai"), ("c", "k"),
        ("qu", "k"), ("ll", "l"), ("nn", "n"), ("tt", "t"), ("ss", "s"), ("rr", "r"), ("mm", "m"), ("th", "t"),
        ("ie", "y"), ("ck", "c"), ("gue", "gu"), ("ain", "in"), ("en", "an"), ("s", "z"), ("x", "s"), ("h", ""),
    ];

    public static string KeyboardTypo(Random random, string text)
    {
        var letters = Enumerable.Range(0, text.Length).Where(i => char.IsLetter(text[i])).ToList();
        if (letters.Count < 3)
        {
            return text;
        }

        // The first letter is rarely wrong: the desk reads it twice.
        var at = letters[random.Next(1, letters.Count)];
        var c = char.ToLowerInvariant(RemoveAccents(text[at].ToString())[0]);
        var kind = random.Next(4);
        string replacement = kind switch
        {
            0 or 1 when Neighbours.TryGetValue(c, out var near) => near[random.Next(near.Length)].ToString(),
            2 => text[at].ToString() + text[at],
            _ => "",
        };
        if (char.IsUpper(text[at]))
        {
            replacement = replacement.ToUpperInvariant();
        }

        return text[..at] + replacement + text[(at + 1)..];
    }

    public static string Phonetic(Random random, string text)
    {
        var lower = text.ToLowerInvariant();
        var options = new List<(int At, string From, string To)>();
        foreach (var (a, b) in Sounds)
        {
            AddAll(lower, a, b, options);
            if (b.Length > 0)
            {
                AddAll(lower, b, a, options);
            }
        }

        if (options.Count == 0)
        {
            return text;
        }

        var (index, from, to) = options[random.Next(options.Count)];
        var changed = lower[..index] + to + lower[(index + from.Length)..];
        return char.IsUpper(text[^1]) ? changed.ToUpperInvariant() : TitleCase(changed);
    }

    public static string RemoveAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    public static bool HasAccents(string text) => RemoveAccents(text) != text;

    public static string TitleCase(string text) =>
        CultureInfo.GetCultureInfo("fr-FR").TextInfo.ToTitleCase(text.ToLowerInvariant());

    private static void AddAll(string text, string from, string to, List<(int, string, string)> options)
    {
        // Never at the very start: a phonetic slip keeps the sound of the name's head.
        for (var at = text.IndexOf(from, 1, StringComparison.Ordinal); at > 0; at = at + 1 < text.Length ? text.IndexOf(from, at + 1, StringComparison.Ordinal) : -1)
        {
            options.Add((at, from, to));
        }
    }
}
