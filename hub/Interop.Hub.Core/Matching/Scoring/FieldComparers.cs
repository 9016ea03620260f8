using Interop.Hub.Core.Matching.Comparators;
using Interop.Hub.Core.Matching.Geography;
using Interop.Hub.Core.Matching.Normalisation;

namespace Interop.Hub.Core.Matching.Scoring;

/// <summary>The level of agreement of each field. Pure functions of normalised values.</summary>
public static class FieldComparers
{
    public const double FuzzyHighThreshold = 0.92;
    public const double FuzzyLowThreshold = 0.85;

    /// <summary>Two surnames: exact, same without particles, one compound part in common, typo, same sound, close.</summary>
    public static MatchLevel Surname(NameForm a, NameForm b)
    {
        if (a.Full == b.Full)
        {
            return MatchLevel.Exact;
        }

        if (a.Core == b.Core)
        {
            return MatchLevel.Equivalent;
        }

        if ((a.Parts.Count > 1 || b.Parts.Count > 1) && ShareAPart(a.Parts, b.Parts))
        {
            return MatchLevel.Partial;
        }

        return Fuzzy(a.Core, b.Core, a.Sound, b.Sound);
    }

    /// <summary>
    /// The best agreement between any surname form of each person. A use name matching the other's
    /// birth name (a married woman registered once under each) counts as equivalent, not exact; two
    /// known birth names that differ decide alone.
    /// </summary>
    public static MatchLevel Surnames(NormalizedIdentity a, NormalizedIdentity b, out NameForm? left, out NameForm? right)
    {
        left = null;
        right = null;
        if (a.BirthName is not null && b.BirthName is not null && Surname(a.BirthName, b.BirthName) == MatchLevel.Different)
        {
            // Birth names never change: two different ones are two people, whatever the married names
            // say — unless each is the other's use name, the two boxes filled the wrong way round.
            var crossed = BoxesSwapped(a, b);
            left = a.BirthName;
            right = crossed == MatchLevel.Different ? b.BirthName : b.UseName;
            return crossed;
        }

        var best = MatchLevel.Missing;

        // At most two forms a side; plain loops, since this runs for every candidate pair.
        for (var i = 0; i < 2; i++)
        {
            var formA = i == 0 ? a.UseName : a.BirthName;
            if (formA is null)
            {
                continue;
            }

            for (var j = 0; j < 2; j++)
            {
                var formB = j == 0 ? b.UseName : b.BirthName;
                if (formB is null)
                {
                    continue;
                }

                var level = Surname(formA, formB);
                if (i != j && level == MatchLevel.Exact)
                {
                    level = MatchLevel.Equivalent;
                }

                if (best == MatchLevel.Missing || level < best)
                {
                    best = level;
                    left = formA;
                    right = formB;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Whether a married woman's two surnames sit in each other's boxes on one record (her birth
    /// name typed as the use name and her use name as the birth name): both crossings must agree,
    /// at worst with a slip of the keyboard or of the ear each. Equivalent when both agree exactly,
    /// the weaker crossing otherwise; <see cref="MatchLevel.Different"/> when either does not.
    /// </summary>
    public static MatchLevel BoxesSwapped(NormalizedIdentity a, NormalizedIdentity b)
    {
        if (a.UseName is null || b.UseName is null || a.BirthName is null || b.BirthName is null)
        {
            return MatchLevel.Different;
        }

        // A sister-in-law shares one crossing (her husband's name is the other's birth name), never both.
        var one = Surname(a.BirthName, b.UseName);
        if (one > MatchLevel.Phonetic)
        {
            return MatchLevel.Different;
        }

        var other = Surname(a.UseName, b.BirthName);
        if (other > MatchLevel.Phonetic)
        {
            return MatchLevel.Different;
        }

        var worse = one > other ? one : other;
        return worse == MatchLevel.Exact ? MatchLevel.Equivalent : worse;
    }

    /// <summary>Two sets of first names.</summary>
    public static MatchLevel FirstNames(FirstNameSet a, FirstNameSet b)
    {
        if (a.Primary == b.Primary || a.Joined == b.Joined)
        {
            return MatchLevel.Exact;
        }

        if (a.Names.Count > 1 && a.Names.Count == b.Names.Count && b.ContainsAllOf(a))
        {
            return MatchLevel.Equivalent;
        }

        if (b.Contains(a.Primary) || a.Contains(b.Primary) || a.PrimaryPartsWithin(b) || b.PrimaryPartsWithin(a))
        {
            return MatchLevel.Partial;
        }

        var level = Fuzzy(a.Primary, b.Primary, a.Sound, b.Sound);
        if (level == MatchLevel.Different && a.Names.Count > 1 && a.Names.Count == b.Names.Count &&
            a.SameAfterPrimary(b) && JaroWinkler.Similarity(a.Primary, b.Primary) >= 0.7)
        {
            // "Mgire Corinne Yvonne" / "Marie Corinne Yvonne": a badly typed first name among identical others.
            return MatchLevel.FuzzyLow;
        }

        return level;
    }

    /// <summary>
    /// Birth dates: exact, day and month swapped, one digit off (or two adjacent digits swapped), same
    /// year with the same day or month (or a swap and a slip), the year only, different. The year
    /// only is a level of its own: a desk slip changes the day or the month, not both, while two
    /// namesakes born the same year show it one time in seventy — evidence against, not for.
    /// </summary>
    public static MatchLevel BirthDate(PartialDate a, PartialDate b)
    {
        if (!a.IsKnown || !b.IsKnown)
        {
            return MatchLevel.Missing;
        }

        // Digit by digit, no number parsed: this runs for every candidate pair.
        var x = a.Digits;
        var y = b.Digits;
        if (x == y)
        {
            return MatchLevel.Exact;
        }

        var sameYear = x.AsSpan(0, 4).SequenceEqual(y.AsSpan(0, 4));
        if (sameYear && x[4] == y[6] && x[5] == y[7] && x[6] == y[4] && x[7] == y[5])
        {
            return MatchLevel.DayMonthSwapped;
        }

        if (DamerauLevenshtein.WithinOne(x, y))
        {
            return MatchLevel.OneDigitOff;
        }

        if (!sameYear)
        {
            return MatchLevel.Different;
        }

        var sameMonth = x[4] == y[4] && x[5] == y[5];
        var sameDay = x[6] == y[6] && x[7] == y[7];

        // Day and month swapped and one digit mistyped: two slips, each of one component.
        var swapAndSlip = DifferByOne(x[4], y[6]) + DifferByOne(x[5], y[7]) + DifferByOne(x[6], y[4]) + DifferByOne(x[7], y[5]) <= 1;
        return sameMonth || sameDay || swapAndSlip ? MatchLevel.SameYear : MatchLevel.YearOnly;
    }

    private static int DifferByOne(char x, char y) => x == y ? 0 : 1;

    /// <summary>
    /// Birth places: same commune (today's, or same name), same département, different; a code on
    /// one side and an unresolved name on the other cannot be compared (no geography loaded) and
    /// count as missing — "14118" and "Caen" are not a disagreement.
    /// </summary>
    public static MatchLevel BirthPlace(BirthPlaceKey a, BirthPlaceKey b)
    {
        var comparable = (a.Code.Length > 0 && b.Code.Length > 0) || (a.Name.Length > 0 && b.Name.Length > 0);
        if (!comparable)
        {
            return MatchLevel.Missing;
        }

        if ((a.Code.Length > 0 && a.Code == b.Code) || (a.Name.Length > 0 && a.Name == b.Name))
        {
            return MatchLevel.Exact;
        }

        if (a.DepartementGroup.Length > 0 && a.DepartementGroup == b.DepartementGroup)
        {
            return MatchLevel.SameDepartement;
        }

        return MatchLevel.Different;
    }

    /// <summary>Identifiers (NIR): exact, one character off (typo), different.</summary>
    public static MatchLevel Identifier(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return MatchLevel.Missing;
        }

        if (a == b)
        {
            return MatchLevel.Exact;
        }

        return DamerauLevenshtein.WithinOne(a, b) ? MatchLevel.OneDigitOff : MatchLevel.Different;
    }

    /// <summary>Codes and contact values compared as they are.</summary>
    public static MatchLevel Exactly(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return MatchLevel.Missing;
        }

        return a == b ? MatchLevel.Exact : MatchLevel.Different;
    }

    /// <summary>Free text such as a street line or a commune name: exact, typo, close, different.</summary>
    public static MatchLevel Text(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return MatchLevel.Missing;
        }

        if (a == b)
        {
            return MatchLevel.Exact;
        }

        var similarity = JaroWinkler.Similarity(a, b);
        return similarity >= FuzzyHighThreshold ? MatchLevel.FuzzyHigh
            : similarity >= FuzzyLowThreshold ? MatchLevel.FuzzyLow
            : MatchLevel.Different;
    }

    /// <summary>
    /// A street line: as <see cref="Text"/>, except that two different house numbers make two
    /// addresses of one street ("8 rue Saint-Jean" and "41 rue Saint-Jean" are neighbours, not a
    /// typo), which is at best <see cref="MatchLevel.FuzzyLow"/>.
    /// </summary>
    public static MatchLevel Street(string a, string b)
    {
        var level = Text(a, b);
        if (level is MatchLevel.Exact or MatchLevel.Missing or MatchLevel.Different)
        {
            return level;
        }

        var numberA = HouseNumber(a);
        var numberB = HouseNumber(b);
        return numberA.Length > 0 && numberB.Length > 0 && !numberA.SequenceEqual(numberB) ? MatchLevel.FuzzyLow : level;
    }

    /// <summary>
    /// A commune name: as <see cref="Text"/>, except that close names with two different postcodes
    /// are two neighbouring communes ("Saint-Martin-de-Fontenay" and "Saint-Martin-de-Sallen"), not a typo.
    /// </summary>
    public static MatchLevel Commune(string a, string b, MatchLevel postcode)
    {
        var level = Text(a, b);
        return postcode == MatchLevel.Different && level is MatchLevel.FuzzyHigh or MatchLevel.FuzzyLow ? MatchLevel.Different : level;
    }

    private static ReadOnlySpan<char> HouseNumber(string street)
    {
        var end = 0;
        while (end < street.Length && char.IsAsciiDigit(street[end]))
        {
            end++;
        }

        return street.AsSpan(0, end);
    }

    /// <summary>Co-applicants: the same person when names and birth date agree, partly when two of the three do.</summary>
    public static MatchLevel CoApplicant(NormalizedIdentity a, NormalizedIdentity b)
    {
        var agreements = 0;
        if (Surnames(a, b, out _, out _) is >= MatchLevel.Exact and <= MatchLevel.FuzzyHigh)
        {
            agreements++;
        }

        if (a.FirstNames is not null && b.FirstNames is not null && FirstNames(a.FirstNames, b.FirstNames) <= MatchLevel.FuzzyHigh)
        {
            agreements++;
        }

        if (BirthDate(a.BirthDate, b.BirthDate) is >= MatchLevel.Exact and <= MatchLevel.OneDigitOff)
        {
            agreements++;
        }

        return agreements switch
        {
            3 => MatchLevel.Exact,
            2 => MatchLevel.Partial,
            _ => MatchLevel.Different,
        };
    }

    private static MatchLevel Fuzzy(string a, string b, string soundA, string soundB)
    {
        var similarity = JaroWinkler.Similarity(a, b);

        // One slip of the keyboard is a typo however short the name: Jaro-Winkler puts "David"
        // and "Daid" under 0.92, and a merely close name is never certain.
        if (similarity >= FuzzyHighThreshold || (Math.Min(a.Length, b.Length) >= 4 && DamerauLevenshtein.WithinOne(a, b)))
        {
            return MatchLevel.FuzzyHigh;
        }

        if (soundA.Length > 0 && soundA == soundB)
        {
            return MatchLevel.Phonetic;
        }

        return similarity >= FuzzyLowThreshold ? MatchLevel.FuzzyLow : MatchLevel.Different;
    }

    private static bool ShareAPart(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        foreach (var part in a)
        {
            if (part.Length < 3)
            {
                continue;
            }

            foreach (var other in b)
            {
                if (part == other)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
