using System.Globalization;
using System.Text;

namespace Interop.Hub.Core.Matching.Comparators;

/// <summary>
/// Folds free text to the alphabet the comparators work on: upper-case ASCII letters and digits,
/// every other character a token separator. Accents are stripped (É→E, Ç→C) and ligatures
/// expanded (Œ→OE, Æ→AE, ß→SS) because French registries type the same name with and without them.
/// </summary>
public static class TextFolding
{
    // One lookup per character below U+0250 (Latin-1 and Latin Extended-A/B): the folded
    // letter(s), or "" for a separator. Built once from Unicode decomposition, so no table
    // is typed by hand.
    private static readonly string[] Table = BuildTable();

    /// <summary>The folded tokens of <paramref name="text"/>, joined by single spaces; "" when nothing is left.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 4);
        var pendingSpace = false;
        foreach (var c in text)
        {
            var folded = c < Table.Length ? Table[c] : FoldRare(c);
            if (folded.Length == 0)
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(folded);
        }

        return builder.ToString();
    }

    /// <summary>The folded tokens of <paramref name="text"/>.</summary>
    public static string[] Tokens(string? text)
    {
        var folded = Fold(text);
        return folded.Length == 0 ? [] : folded.Split(' ');
    }

    private static string[] BuildTable()
    {
        var table = new string[0x250];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = FoldRare((char)i);
        }

        return table;
    }

    private static string FoldRare(char c)
    {
        switch (c)
        {
            case 'œ' or 'Œ':
                return "OE";
            case 'æ' or 'Æ':
                return "AE";
            case 'ß':
                return "SS";
            case 'ø' or 'Ø':
                return "O";
            case 'đ' or 'Đ':
                return "D";
            case 'ł' or 'Ł':
                return "L";
        }

        if (char.IsAsciiLetterOrDigit(c))
        {
            return char.ToUpperInvariant(c).ToString();
        }

        if (c < 0x80 || !char.IsLetter(c))
        {
            return "";
        }

        // A decomposable Latin letter: keep its ASCII base letter, drop the combining marks.
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(2);
        foreach (var part in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark && char.IsAsciiLetter(part))
            {
                builder.Append(char.ToUpperInvariant(part));
            }
        }

        return builder.ToString();
    }
}
