using Interop.Hub.Core.Matching.Comparators;

namespace Interop.Hub.Core.Matching.Normalisation;

/// <summary>
/// A person's first names, folded. Each name keeps its compound parts ("JEAN PIERRE" for
/// Jean-Pierre) and its compact form ("JEANPIERRE"), because desks write Jean-Pierre, Jean Pierre
/// and JeanPierre for one name, and often drop or reorder the second and third first names.
/// </summary>
public sealed class FirstNameSet
{
    private FirstNameSet(string[] names, string[][] parts)
    {
        Names = names;
        Parts = parts;
        Joined = string.Concat(names);
        Sound = Soundex2.Skeleton(names[0]);
        AsName = NameForm.FromTokens(NameForm.IsParticle(parts[0][0]) && names.Length > 1 ? [.. parts.SelectMany(p => p)] : parts[0])!;
    }

    /// <summary>Compact form of each first name, in civil-status order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The parts of each first name (one part unless compound).</summary>
    public IReadOnlyList<string[]> Parts { get; }

    /// <summary>All names glued: "Jean-Pierre" and "Jean Pierre" both give JEANPIERRE.</summary>
    public string Joined { get; }

    public string Primary => Names[0];

    /// <summary>Soundex2 skeleton of the first first name.</summary>
    public string Sound { get; }

    /// <summary>
    /// The first first name as a surname form, to detect first and last names swapped; when it is a
    /// particle, all the tokens: "Da Silva" typed in the first-names box is one surname, not two first names.
    /// </summary>
    public NameForm AsName { get; }

    /// <summary>The set, or null when no first name is given.</summary>
    public static FirstNameSet? From(IEnumerable<string>? firstNames)
    {
        if (firstNames is null)
        {
            return null;
        }

        var names = new List<string>();
        var parts = new List<string[]>();
        foreach (var name in firstNames)
        {
            var tokens = TextFolding.Tokens(name);
            if (tokens.Length == 0)
            {
                continue;
            }

            names.Add(string.Concat(tokens));
            parts.Add(tokens);
        }

        return names.Count == 0 ? null : new FirstNameSet([.. names], [.. parts]);
    }

    /// <summary>Whether <paramref name="name"/> (compact) is one of these first names.</summary>
    public bool Contains(string name)
    {
        foreach (var candidate in Names)
        {
            if (candidate == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether every first name of <paramref name="other"/> is one of these (loops, no LINQ: hot path).</summary>
    public bool ContainsAllOf(FirstNameSet other)
    {
        foreach (var name in other.Names)
        {
            if (!Contains(name))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the first names after the first are the same, in the same order.</summary>
    public bool SameAfterPrimary(FirstNameSet other)
    {
        if (Names.Count != other.Names.Count)
        {
            return false;
        }

        for (var i = 1; i < Names.Count; i++)
        {
            if (Names[i] != other.Names[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every part of this set's first name is a part of <paramref name="other"/>'s first name (Jean ⊂ Jean-Pierre).</summary>
    public bool PrimaryPartsWithin(FirstNameSet other)
    {
        var mine = Parts[0];
        var theirs = other.Parts[0];
        if (mine.Length >= theirs.Length)
        {
            return false;
        }

        foreach (var part in mine)
        {
            if (Array.IndexOf(theirs, part) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
