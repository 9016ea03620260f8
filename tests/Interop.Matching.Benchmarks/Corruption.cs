using System.Globalization;

namespace Interop.Matching.Benchmarks;

/// <summary>The errors desks make when they type a person again; each returns the changed copy and its name.</summary>
internal static class Corruption
{
    private static readonly (string Name, double Weight, Func<SyntheticPerson, Random, FrenchSources, SyntheticPerson?> Apply)[] All =
    [
        ("accents lost, upper case", 3, (p, _, _) => p with { LastName = Up(p.LastName), BirthName = Up(p.BirthName), FirstNames = [.. p.FirstNames.Select(Up)] }),
        ("case changed", 1, (p, _, _) => p with { LastName = p.LastName.ToLowerInvariant(), FirstNames = [.. p.FirstNames.Select(f => f.ToUpperInvariant())] }),
        ("compound first name spaced or glued", 1, (p, r, _) => p.FirstNames.Length > 0 && p.FirstNames[0].Contains('-', StringComparison.Ordinal)
            ? p with { FirstNames = [.. p.FirstNames[0].Split('-'), .. p.FirstNames.Skip(1)] } : null),
        ("second first names dropped", 2, (p, _, _) => p.FirstNames.Length > 1 ? p with { FirstNames = [p.FirstNames[0]] } : null),
        ("first names reordered", 1, (p, _, _) => p.FirstNames.Length > 1 ? p with { FirstNames = [.. p.FirstNames.Skip(1), p.FirstNames[0]] } : null),
        ("first and last name swapped", 1, (p, _, _) => p.FirstNames.Length > 0 ? p with { LastName = p.FirstNames[0], FirstNames = [p.LastName] , BirthName = "" } : null),
        // A married woman's two surnames typed in each other's boxes: the birth name as the use name
        // and the use name as the birth name (the boxes sit side by side on the form).
        ("use and birth names in each other's boxes", 2, (p, _, _) => p.BirthName.Length > 0 ? p with { LastName = p.BirthName, BirthName = p.LastName } : null),
        ("use, birth and first names all in the wrong boxes", 1, (p, r, _) => p.BirthName.Length > 0 && p.FirstNames.Length > 0 ? WrongBoxes(p, r) : null),
        ("birth name instead of use name", 2, (p, _, _) => p.BirthName.Length > 0 ? p with { LastName = p.BirthName, BirthName = "" } : null),
        ("X épouse Y / X née Y / veuve", 2, (p, r, _) => p.BirthName.Length > 0
            ? p with { LastName = r.Next(4) switch { 0 => $"{p.BirthName} épouse {p.LastName}", 1 => $"{p.LastName} née {p.BirthName}", 2 => $"{p.BirthName} ép. {p.LastName}", _ => $"{p.BirthName} veuve {p.LastName}" }, BirthName = "" }
            : null),
        ("married since: new use name", 1, (p, r, s) => p.Sex == "F" && p.BirthName.Length == 0 ? p with { BirthName = p.LastName, LastName = s.Surname(r) } : null),
        ("compound surname part dropped or spaced", 1, (p, r, _) => p.LastName.Contains('-', StringComparison.Ordinal)
            ? p with { LastName = r.Next(3) switch { 0 => p.LastName.Replace('-', ' '), 1 => p.LastName.Split('-')[0], _ => p.LastName.Split('-')[1] } } : null),
        ("particle glued or dropped", 1, (p, r, _) => p.LastName.Contains(' ', StringComparison.Ordinal) || p.LastName.Contains('\'', StringComparison.Ordinal)
            ? p with { LastName = r.Next(2) == 0 ? p.LastName.Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal) : p.LastName.Split(' ', '\'')[^1] } : null),
        ("surname typo", 3, (p, r, _) => p with { LastName = Typo(p.LastName, r) }),
        ("first name typo", 2, (p, r, _) => p.FirstNames.Length > 0 ? p with { FirstNames = [Typo(p.FirstNames[0], r), .. p.FirstNames.Skip(1)] } : null),
        ("phonetic respelling", 2, (p, r, _) => Respell(p.LastName) is { } respelled ? p with { LastName = respelled } : null),
        ("day and month swapped", 1, (p, _, _) => p.BirthDate.Length == 10 && int.Parse(p.BirthDate[8..], CultureInfo.InvariantCulture) <= 12 && p.BirthDate[5..7] != p.BirthDate[8..]
            ? p with { BirthDate = $"{p.BirthDate[..4]}-{p.BirthDate[8..]}-{p.BirthDate[5..7]}" } : null),
        ("one digit of the birth date off", 2, (p, r, _) => p.BirthDate.Length == 10 ? p with { BirthDate = DigitTypo(p.BirthDate, r) } : null),
        ("values missing", 2, (p, r, _) => r.Next(3) switch { 0 => p with { BirthPlace = "" }, 1 => p with { Email = "", Phone = "" }, _ => p with { Postcode = "", Commune = "", Nationality = "" } }),
        ("birth date missing", 0.5, (p, _, _) => p with { BirthDate = "" }),
        ("birth place as a name", 1, (p, r, s) => s.CommunesFromData && !p.BirthPlace.StartsWith("99", StringComparison.Ordinal) ? NameOfPlace(p, s) : null),
        ("old commune code", 1, (p, r, s) => OldCode(p, r, s)),
        ("moved: new address and phone", 2, (p, r, s) => s.Communes.Draw(r) is var c ? p with { Postcode = c.Postcode, Commune = c.Name, Phone = "" } : null),
    ];

    private static readonly WeightedList<int> Choice = new(All.Select((c, i) => (i, c.Weight)));

    public static (SyntheticPerson Person, string Name) Apply(SyntheticPerson person, Random random, FrenchSources sources)
    {
        while (true)
        {
            var (name, _, apply) = All[Choice.Draw(random)];
            if (apply(person, random, sources) is { } changed)
            {
                return (changed, name);
            }
        }
    }

    /// <summary>
    /// The three name boxes (use name, birth name, first name) filled with the same three names in
    /// another order: every order but the right one and use and birth swapped alone (drawn above).
    /// </summary>
    private static SyntheticPerson WrongBoxes(SyntheticPerson p, Random random)
    {
        var (use, birth, first) = (p.LastName, p.BirthName, p.FirstNames[0]);
        var (lastBox, birthBox, firstBox) = random.Next(4) switch
        {
            0 => (first, birth, use),
            1 => (use, first, birth),
            2 => (first, use, birth),
            _ => (birth, first, use),
        };
        return p with { LastName = lastBox, BirthName = birthBox, FirstNames = [firstBox] };
    }

    private static string Up(string text) => FrenchSyntheticSet.Ascii(text.Replace(" ", "\u0001", StringComparison.Ordinal).Replace("'", "\u0002", StringComparison.Ordinal))
        .Replace("\u0001", " ", StringComparison.Ordinal).Replace("\u0002", "'", StringComparison.Ordinal).ToUpperInvariant();

    private static string Typo(string text, Random random)
    {
        if (text.Length < 3)
        {
            return text;
        }

        var chars = text.ToList();
        var at = 1 + random.Next(chars.Count - 1);
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        switch (random.Next(4))
        {
            case 0:
                chars[at] = letters[random.Next(letters.Length)];
                break;
            case 1:
                chars.Insert(at, letters[random.Next(letters.Length)]);
                break;
            case 2:
                chars.RemoveAt(at);
                break;
            default:
                if (at + 1 < chars.Count)
                {
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                }

                break;
        }

        return new string([.. chars]);
    }

    private static string? Respell(string name)
    {
        (string From, string To)[] rules = [("ph", "f"), ("eau", "o"), ("ault", "ot"), ("ç", "ss"), ("y", "i"), ("ll", "l"), ("tt", "t"), ("ss", "s"), ("qu", "k"), ("é", "ai"), ("ez", "es"), ("th", "t"), ("au", "o"), ("ier", "ié")];
        foreach (var (from, to) in rules)
        {
            var at = name.IndexOf(from, 1, StringComparison.OrdinalIgnoreCase);
            if (at > 0)
            {
                return string.Concat(name.AsSpan(0, at), to, name.AsSpan(at + from.Length));
            }
        }

        return null;
    }

    private static string DigitTypo(string date, Random random)
    {
        int[] digits = [2, 3, 6, 9];
        var at = digits[random.Next(digits.Length)];
        var chars = date.ToCharArray();
        chars[at] = (char)('0' + ((chars[at] - '0' + 1 + random.Next(8)) % 10));
        return new string(chars);
    }

    private static SyntheticPerson? NameOfPlace(SyntheticPerson person, FrenchSources sources) =>
        sources.ByCode.TryGetValue(person.BirthPlace, out var commune) ? person with { BirthPlace = commune.Name } : null;

    private static SyntheticPerson? OldCode(SyntheticPerson person, Random random, FrenchSources sources) =>
        sources.ByCode.TryGetValue(person.BirthPlace, out var commune) && commune.FormerCodes.Length > 0
            ? person with { BirthPlace = commune.FormerCodes[random.Next(commune.FormerCodes.Length)] }
            : null;
}
