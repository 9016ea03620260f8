using Interop.Hub.Core.Matching.Comparators;

namespace Interop.Hub.Core.Matching.Normalisation;

/// <summary>
/// One surname (or a first name compared as a surname when names are swapped), in every form the
/// comparators need, computed once per person so that comparing a pair allocates nothing.
/// </summary>
public sealed class NameForm
{
    // Particles are dropped for the "core" form: "De La Fontaine", "DELAFONTAINE" and "Fontaine"
    // are typed for the same person. Only when a real name remains ("Le" alone is a name).
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "LE", "LA", "LES", "L", "DE", "DU", "DES", "D", "DA", "DI", "DEL", "DELLA", "DELLE", "DOS", "DAS",
        "VAN", "VON", "DER", "DEN", "TEN", "TER",
    };

    private NameForm(string display, string full, string core, string[] parts)
    {
        Display = display;
        Full = full;
        Core = core;
        Parts = parts;
        Sound = Soundex2.Skeleton(core);
    }

    /// <summary>Folded tokens with spaces, for explanations: "DE LA FONTAINE".</summary>
    public string Display { get; }

    /// <summary>All tokens joined: spaces, hyphens and apostrophes do not count ("LEGALL").</summary>
    public string Full { get; }

    /// <summary>Without particles: "FONTAINE".</summary>
    public string Core { get; }

    /// <summary>The parts of a compound name, particles left out: MARTIN-DUPONT → MARTIN, DUPONT.</summary>
    public IReadOnlyList<string> Parts { get; }

    /// <summary>Soundex2 skeleton of <see cref="Core"/>.</summary>
    public string Sound { get; }

    /// <summary>The form of folded tokens, or null when there are none.</summary>
    public static NameForm? FromTokens(IReadOnlyList<string> tokens)
    {
        var merged = MergeMac(tokens);
        if (merged.Count == 0)
        {
            return null;
        }

        var significant = merged.Where(t => !Particles.Contains(t)).ToArray();
        if (significant.Length == 0)
        {
            significant = [.. merged];
        }

        var parts = significant.Where(t => t.Length >= 2).Distinct(StringComparer.Ordinal).ToArray();
        return new NameForm(string.Join(' ', merged), string.Concat(merged), string.Concat(significant), parts);
    }

    /// <summary>Whether a folded token is a surname particle (DE, LA, DA, VAN…).</summary>
    public static bool IsParticle(string token) => Particles.Contains(token);

    /// <summary>The form of a free-text name.</summary>
    public static NameForm? FromText(string? text) => FromTokens(TextFolding.Tokens(text));

    public override string ToString() => Display;

    // "Mac Donald", "MacDonald", "Mc Donald" and "McDonald" are one name: glue a detached prefix to
    // the next token and write MAC as MC.
    private static List<string> MergeMac(IReadOnlyList<string> tokens)
    {
        var result = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token is "MAC" or "MC" && i + 1 < tokens.Count)
            {
                result.Add("MC" + tokens[++i]);
            }
            else if (token.StartsWith("MAC", StringComparison.Ordinal) && token.Length >= 6)
            {
                result.Add(string.Concat("MC", token.AsSpan(3)));
            }
            else
            {
                result.Add(token);
            }
        }

        return result;
    }
}
