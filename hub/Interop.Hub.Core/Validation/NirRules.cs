using System.Globalization;

namespace Interop.Hub.Core.Validation;

/// <summary>
/// The NIR (numéro d'inscription au répertoire) checks the hub can make
/// without the national directory: shape and key. A mistyped NIR would make
/// identity matching fail silently, so a wrong key is refused at the door.
/// </summary>
internal static class NirRules
{
    /// <summary>The characters of a NIR: 13 of identity and 2 of key.</summary>
    public const int Length = 15;

    /// <summary>Why <paramref name="nir"/> is not a NIR, or null when it is one.</summary>
    public static string? Problem(string nir)
    {
        if (nir.Length != Length)
        {
            return "must be 15 characters: 13 for the person and a 2-digit key.";
        }

        if (nir[0] is not ('1' or '2' or '3' or '4' or '7' or '8'))
        {
            return "must start with 1, 2, 3, 4, 7 or 8.";
        }

        var corsica = nir[5..7] is "2A" or "2B";
        for (var i = 1; i < Length; i++)
        {
            if (!char.IsAsciiDigit(nir[i]) && !(corsica && i is 5 or 6))
            {
                return "must be digits, except 2A or 2B in positions 6 and 7 (born in Corsica).";
            }
        }

        return nir[13..] == Key(nir[..13]) ? null : "does not match its key (the last two digits).";
    }

    /// <summary>
    /// The key of the 13 identity characters: 97 minus their value modulo 97,
    /// with Corsica's <c>2A</c> and <c>2B</c> counted as <c>19</c> and <c>18</c>.
    /// </summary>
    public static string Key(string identity)
    {
        var digits = identity[5..7] switch
        {
            "2A" => string.Concat(identity.AsSpan(0, 5), "19", identity.AsSpan(7)),
            "2B" => string.Concat(identity.AsSpan(0, 5), "18", identity.AsSpan(7)),
            _ => identity,
        };

        var value = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return (97 - (value % 97)).ToString("00", CultureInfo.InvariantCulture);
    }
}
