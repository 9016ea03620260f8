namespace Interop.Hub.Core.Numbering;

/// <summary>Shape checks of INSEE codes (not existence: the official geography comes from a package later).</summary>
public static class InseeCodes
{
    /// <summary>Five characters: digits, or <c>2A</c>/<c>2B</c> followed by three digits (Corsica).</summary>
    public static bool IsCommuneCodeShape(string? code)
    {
        if (code is null || code.Length != 5)
        {
            return false;
        }

        var head = code[..2];
        var tailIsDigits = code[2..].All(char.IsAsciiDigit);
        return tailIsDigits && (head.All(char.IsAsciiDigit) || head is "2A" or "2B") && head != "00";
    }

    /// <summary>
    /// An INSEE country code of the code officiel géographique: <c>99</c>, the continent (1 Europe,
    /// 2 Asia, 3 Africa, 4 Americas, 5 Oceania), then two digits. Shape only: no package served here
    /// carries INSEE's country list. <c>99100</c> is France itself, which a birth place gives as its commune.
    /// </summary>
    public static bool IsCountryCode(string? code) =>
        code is { Length: 5 } && code.StartsWith("99", StringComparison.Ordinal) && code[2] is >= '1' and <= '5' &&
        char.IsAsciiDigit(code[3]) && char.IsAsciiDigit(code[4]) && code != "99100";

    /// <summary>A commune code whose département exists.</summary>
    public static bool IsCommuneCode(string? code) => Departements.OfCommune(code) is not null;
}
