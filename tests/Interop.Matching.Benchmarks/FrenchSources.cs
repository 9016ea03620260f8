using System.Globalization;
using Interop.Hub.Core.Matching.Geography;

namespace Interop.Matching.Benchmarks;

/// <summary>
/// What synthetic French people are drawn from: given names weighted by births (INSEE, from
/// ../shared/data/names when present), surnames from a built-in list with a heavy head plus a long
/// synthetic tail, and real communes weighted by population (../shared/data/geo when present).
/// </summary>
internal sealed class FrenchSources
{
    // The most frequent French surnames, most frequent first, then names that exercise the rules:
    // particles, Mac, compound names, accents and ligatures.
    private static readonly string[] HeadSurnames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
        "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André",
        "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
        "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
        "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
        "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud",
        "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
        "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
        "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte",
        "Le Gall", "Le Goff", "Le Roux", "De La Fontaine", "Du Bellay", "D'Almeida", "Da Silva", "Dos Santos", "De Sousa", "Mac Leod",
        "Martin-Dupont", "Bernard-Lefèvre", "Lefrançois", "Cœurdacier", "Lætitia-Marchand", "Bénédicte", "N'Diaye", "Nguyen", "Benali", "Haddad",
    ];

    private static readonly string[] TailStarts = ["Le", "Ker", "Bel", "Mon", "Ro", "Gar", "Ver", "Cha", "Bou", "Mar", "Lef", "Dub", "Fou", "Ger", "Lan", "Pel", "Tis", "Vau", "Gri", "Bra", "Sal", "Cor", "Dal", "Fer", "Mau", "Pon", "Quen", "Rab", "Sau", "Thi"];
    private static readonly string[] TailMiddles = ["", "a", "e", "i", "o", "ou", "an", "en", "ar", "er", "il", "ol", "ur", "ab", "ev", "ill", "ign", "ach"];
    private static readonly string[] TailEnds = ["ier", "on", "and", "ot", "eau", "ais", "ault", "in", "ard", "ez", "oux", "ac", "el", "ette", "ert", "ieux", "at", "enne", "illon", "ec"];

    private static readonly (string Sex, string Name, long Births)[] FallbackGiven =
    [
        ("F", "Marie", 100), ("F", "Sophie", 60), ("F", "Nathalie", 60), ("F", "Isabelle", 55), ("F", "Catherine", 50), ("F", "Hélène", 40),
        ("F", "Léa", 40), ("F", "Chloé", 35), ("F", "Zoé", 30), ("F", "Anne-Sophie", 20), ("F", "Marie-Claire", 20), ("F", "Jeanne", 30),
        ("M", "Jean", 100), ("M", "Pierre", 60), ("M", "Michel", 55), ("M", "Philippe", 50), ("M", "Thomas", 45), ("M", "Nicolas", 45),
        ("M", "François", 40), ("M", "Jérôme", 30), ("M", "Jean-Pierre", 30), ("M", "Jean-Claude", 25), ("M", "Noël", 15), ("M", "Lucas", 30),
    ];

    private readonly WeightedList<string> maleNames;
    private readonly WeightedList<string> femaleNames;
    private readonly WeightedList<string> headSurnames;
    private readonly string[] tailSurnames;

    public FrenchSources(string? dataFolder)
    {
        var given = LoadGivenNames(dataFolder);
        GivenNamesFromData = given is not null;
        given ??= FallbackGiven;
        maleNames = new WeightedList<string>(given.Where(g => g.Sex == "M").Select(g => (g.Name, (double)g.Births)));
        femaleNames = new WeightedList<string>(given.Where(g => g.Sex == "F").Select(g => (g.Name, (double)g.Births)));
        headSurnames = new WeightedList<string>(HeadSurnames.Select((name, rank) => (name, 1.0 / Math.Pow(rank + 1, 0.9))));
        tailSurnames = [.. (from s in TailStarts from m in TailMiddles from e in TailEnds select s + m + e).Distinct()];
        var communes = LoadCommunes(dataFolder);
        CommunesFromData = communes is not null;
        communes ??= FallbackCommunes();
        Communes = new WeightedList<Commune>(communes.Select(c => (c, Math.Max(50.0, c.Population))));
        ByCode = communes.ToDictionary(c => c.Code, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, Commune> ByCode { get; }

    public bool GivenNamesFromData { get; }

    public bool CommunesFromData { get; }

    public WeightedList<Commune> Communes { get; }

    public int SurnameVariety => HeadSurnames.Length + tailSurnames.Length;

    public string GivenName(Random random, string sex) => (sex == "M" ? maleNames : femaleNames).Draw(random);

    /// <summary>Half the people carry one of the frequent names (Martin alone about 1.5 %), half a rare one.</summary>
    public string Surname(Random random) =>
        random.NextDouble() < 0.5 ? headSurnames.Draw(random) : tailSurnames[random.Next(tailSurnames.Length)];

    public string CommonSurname(Random random) => HeadSurnames[random.Next(10)];

    public string CommonGivenName(Random random, string sex) => sex == "M"
        ? new[] { "Jean", "Pierre", "Michel", "Philippe", "Nicolas" }[random.Next(5)]
        : new[] { "Marie", "Nathalie", "Isabelle", "Sophie", "Catherine" }[random.Next(5)];

    private static (string Sex, string Name, long Births)[]? LoadGivenNames(string? dataFolder)
    {
        var path = dataFolder is null ? null : Path.Combine(dataFolder, "names", "prenoms_france_totaux.csv");
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        return File.ReadLines(path).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (Sex: f[0].Trim('"'), Name: f[1].Trim('"'), Births: long.Parse(f[2], CultureInfo.InvariantCulture)))
            .Where(g => g.Births >= 2000)
            .ToArray();
    }

    /// <summary>The official geography for the matcher, from the same file (all rows: delegated communes, arrondissements, former codes).</summary>
    public static CommuneDirectory? LoadDirectory(string? dataFolder)
    {
        var path = dataFolder is null ? null : Path.Combine(dataFolder, "geo", "communes_2026.csv");
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        var entries = File.ReadLines(path).Skip(1).Select(SplitCsv).Where(f => f.Count >= 17)
            .Select(f => new CommuneEntry(f[0], f[1], f[4], f[2] == "commune-actuelle" ? "" : f[3], f[16].Length == 0 ? [] : f[16].Split('|')));
        return new CommuneDirectory(entries);
    }

    private static List<Commune>? LoadCommunes(string? dataFolder)
    {
        var path = dataFolder is null ? null : Path.Combine(dataFolder, "geo", "communes_2026.csv");
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        var result = new List<Commune>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = SplitCsv(line);
            if (f.Count < 17 || f[2] != "commune-actuelle")
            {
                continue;
            }

            var population = int.TryParse(f[14], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;
            result.Add(new Commune(f[0], f[1], f[4], f[13].Split('|')[0], population, f[16].Length == 0 ? [] : f[16].Split('|')));
        }

        return result;
    }

    private static List<Commune> FallbackCommunes() =>
    [
        new("14118", "Caen", "14", "14000", 108_000, []), new("75056", "Paris", "75", "75001", 2_100_000, []),
        new("69123", "Lyon", "69", "69001", 520_000, []), new("13055", "Marseille", "13", "13001", 870_000, []),
        new("59350", "Lille", "59", "59000", 236_000, []), new("33063", "Bordeaux", "33", "33000", 260_000, []),
        new("92012", "Boulogne-Billancourt", "92", "92100", 120_000, []), new("14666", "Souleuvre en Bocage", "14", "14350", 8_800, ["14061", "14073"]),
    ];

    // RFC 4180 split for one line (the geography has quoted names with commas).
    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}

/// <summary>A current commune: INSEE code, name, département, a postcode, population, former codes.</summary>
internal sealed record Commune(string Code, string Name, string Departement, string Postcode, int Population, string[] FormerCodes);

/// <summary>Draws items with probability proportional to their weight (binary search on cumulative weights).</summary>
internal sealed class WeightedList<T>
{
    private readonly T[] items;
    private readonly double[] cumulative;

    public WeightedList(IEnumerable<(T Item, double Weight)> weighted)
    {
        var list = weighted.ToList();
        items = [.. list.Select(w => w.Item)];
        cumulative = new double[list.Count];
        var sum = 0.0;
        for (var i = 0; i < list.Count; i++)
        {
            sum += list[i].Weight;
            cumulative[i] = sum;
        }
    }

    public int Count => items.Length;

    public T Draw(Random random)
    {
        var target = random.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        return items[index < 0 ? Math.Min(~index, items.Length - 1) : index];
    }
}
