using Interop.Hub.Core.Matching.Comparators;

namespace Interop.Hub.Core.Matching.Normalisation;

/// <summary>
/// Splits what desks type in the surname fields into a use name (nom d'usage) and a birth name
/// (nom de naissance): "Dupont épouse Martin", "Dupont ép. Martin", "Martin née Dupont",
/// "Dupont veuve Martin", "Veuve Martin", with a leading civility dropped.
/// </summary>
public static class SurnameParser
{
    // Marker tokens after folding ("ép." folds to EP, "née" to NEE).
    private static readonly HashSet<string> WifeOf = new(StringComparer.Ordinal) { "EPOUSE", "EPSE", "EP", "EPX", "EPOUX" };
    private static readonly HashSet<string> BornAs = new(StringComparer.Ordinal) { "NEE", "NE" };
    private static readonly HashSet<string> WidowOf = new(StringComparer.Ordinal) { "VEUVE", "VVE", "VEUF" };
    private static readonly HashSet<string> Civilities = new(StringComparer.Ordinal) { "MME", "MADAME", "MLLE", "MADEMOISELLE", "MONSIEUR", "MR" };

    /// <summary>The use and birth names; the birth name is null when it is the use name or unknown.</summary>
    public static (NameForm? Use, NameForm? Birth) Parse(string? lastName, string? birthName)
    {
        var tokens = TextFolding.Tokens(lastName).ToList();
        while (tokens.Count > 1 && Civilities.Contains(tokens[0]))
        {
            tokens.RemoveAt(0);
        }

        List<string> use = tokens;
        List<string> birth = [];
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            var marker = tokens[i];
            if (!WifeOf.Contains(marker) && !BornAs.Contains(marker) && !WidowOf.Contains(marker))
            {
                continue;
            }

            var before = tokens.GetRange(0, i);
            var after = tokens.GetRange(i + 1, tokens.Count - i - 1);

            if (WifeOf.Contains(marker) && before.Count > 0)
            {
                // "X épouse Y": X is the birth name, Y the married (use) name.
                (birth, use) = (before, after);
                break;
            }

            if (BornAs.Contains(marker) && before.Count > 0)
            {
                // "X née Y": X is the use name, Y the birth name.
                (use, birth) = (before, after);
                break;
            }

            if (WidowOf.Contains(marker))
            {
                // "X veuve Y" or "Veuve Y": Y is the late husband's name, used as use name.
                (birth, use) = (before, after);
                break;
            }
        }

        var birthColumn = TextFolding.Tokens(birthName);
        if (birthColumn.Length > 0)
        {
            birth = [.. birthColumn];
        }

        var useForm = NameForm.FromTokens(use);
        var birthForm = NameForm.FromTokens(birth);
        if (useForm is null)
        {
            return (birthForm, null);
        }

        return birthForm is null || birthForm.Full == useForm.Full ? (useForm, null) : (useForm, birthForm);
    }
}
