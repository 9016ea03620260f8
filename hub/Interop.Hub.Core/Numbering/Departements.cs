namespace Interop.Hub.Core.Numbering;

/// <summary>
/// INSEE département codes: <c>01</c>…<c>19</c>, <c>2A</c>, <c>2B</c>,
/// <c>21</c>…<c>95</c>, and the overseas <c>971</c>…<c>974</c>, <c>976</c>.
/// </summary>
public static class Departements
{
    private static readonly HashSet<string> Codes = BuildCodes();

    public static IReadOnlyCollection<string> All => Codes;

    public static bool IsValid(string? code) => code is not null && Codes.Contains(code);

    /// <summary>The three characters the département takes in a number: <c>014</c>, <c>02A</c>, <c>974</c>.</summary>
    public static string ToNumberPrefix(string code) => code.Length == 2 ? "0" + code : code;

    /// <summary>The département of an INSEE commune code (<c>14118</c> → <c>14</c>, <c>97411</c> → <c>974</c>), or null when malformed.</summary>
    public static string? OfCommune(string? communeCode)
    {
        if (!InseeCodes.IsCommuneCodeShape(communeCode))
        {
            return null;
        }

        var departement = communeCode!.StartsWith("97", StringComparison.Ordinal) ? communeCode[..3] : communeCode[..2];
        return IsValid(departement) ? departement : null;
    }

    private static HashSet<string> BuildCodes()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal) { "2A", "2B", "971", "972", "973", "974", "976" };
        for (var n = 1; n <= 95; n++)
        {
            if (n != 20)
            {
                codes.Add(n.ToString("00", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return codes;
    }
}
