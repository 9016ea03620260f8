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

    /// <summary>A commune code whose département exists.</summary>
    public static bool IsCommuneCode(string? code) => Departements.OfCommune(code) is not null;
}
