using Interop.Hub.Core.Matching.Comparators;

namespace Interop.Hub.Core.Matching.Geography;

/// <summary>
/// A birth place reduced to what comparison needs: a commune code when known (resolved to today's
/// commune when the directory knows it), otherwise the folded name, and a département group.
/// </summary>
public sealed record BirthPlaceKey(string Code, string Name, string DepartementGroup)
{
    /// <summary>The key of <paramref name="text"/>, or null when it is empty.</summary>
    public static BirthPlaceKey? From(string? text, ICommuneDirectory directory)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var resolved = directory.Resolve(text);
        if (resolved is not null)
        {
            return new BirthPlaceKey(resolved.Code, resolved.FoldedName, GroupOf(resolved.Departement));
        }

        var trimmed = text.Trim().ToUpperInvariant();
        if (IsCodeShape(trimmed))
        {
            return new BirthPlaceKey(trimmed, "", GroupOf(DepartementOfCode(trimmed)));
        }

        return new BirthPlaceKey("", TextFolding.Fold(text), "");
    }

    /// <summary>
    /// Seine (75) and Seine-et-Oise (78) were split in 1968 into 75, 78, 91, 92, 93, 94 and 95: a
    /// person born in Boulogne in 1960 may carry either code, so those count as one département.
    /// Abroad (99) is no département at all.
    /// </summary>
    public static string GroupOf(string departement) => departement switch
    {
        "75" or "78" or "91" or "92" or "93" or "94" or "95" => "SEINE",
        "99" => "",
        _ => departement,
    };

    private static bool IsCodeShape(string text) =>
        text.Length == 5 && (char.IsAsciiDigit(text[0]) || text[0] == '2') && text.Skip(2).All(char.IsAsciiDigit);

    private static string DepartementOfCode(string code) => code[..2] is "97" or "98" ? code[..3] : code[..2];
}
