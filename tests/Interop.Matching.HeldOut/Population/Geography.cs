using System.Globalization;

namespace Interop.Matching.HeldOut.Population;

/// <summary>
/// Communes weighted by population (homes and births), from <c>geo/communes_2026.csv</c> with their former codes
/// and delegated or associated communes (mergers), or 20 large communes and one merged one when the data are absent.
/// </summary>
internal sealed class Geography
{
    private readonly WeightedList<Commune> _communes = new();
    private readonly WeightedList<Commune> _merged = new();
    private readonly Dictionary<string, WeightedList<Commune>> _byDepartment = new(StringComparer.Ordinal);

    private Geography(string source) => Source = source;

    public string Source { get; }

    public static Geography Load(string? dataFolder)
    {
        var file = dataFolder is null ? null : Path.Combine(dataFolder, "geo", "communes_2026.csv");
        return file is not null && File.Exists(file) ? FromFile(file) : BuiltIn();
    }

    public Commune Draw(Random random) => _communes.Draw(random);

    /// <summary>A commune that absorbed others (for births recorded under a former commune).</summary>
    public Commune DrawMerged(Random random) => _merged.Count > 0 ? _merged.Draw(random) : Draw(random);

    /// <summary>A move: most stay in their département, some go anywhere.</summary>
    public Commune DrawMove(Random random, Commune from)
    {
        if (random.NextDouble() < 0.7 && _byDepartment.TryGetValue(from.Department, out var near) && near.Count > 1)
        {
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var to = near.Draw(random);
                if (to.Code != from.Code)
                {
                    return to;
                }
            }
        }

        return Draw(random);
    }

    private void Add(Commune commune, double population)
    {
        _communes.Add(commune, population);
        if (!_byDepartment.TryGetValue(commune.Department, out var list))
        {
            _byDepartment[commune.Department] = list = new WeightedList<Commune>();
        }

        list.Add(commune, population);
        if (commune.IsMerged)
        {
            _merged.Add(commune, population);
        }
    }

    private static Geography FromFile(string file)
    {
        var rows = File.ReadLines(file).Skip(1).Select(CsvLine.Split).ToList();

        // code_insee 0, nom 1, type 2, commune_parente 3, departement_code 4, codes_postaux 13, population 14, zone 15, anciens_codes 16
        var delegated = rows
            .Where(r => r[2] is "commune-deleguee" or "commune-associee" && r[3].Length > 0 && r[0] != r[3])
            .GroupBy(r => r[3], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal), StringComparer.Ordinal);
        var geography = new Geography($"{file} (current communes weighted by population)");
        foreach (var r in rows.Where(r => r[2] == "commune-actuelle" && r[15] is "metro" or "drom"))
        {
            var population = double.TryParse(r[14], CultureInfo.InvariantCulture, out var p) ? p : 0;
            var names = delegated.GetValueOrDefault(r[0]) ?? [];
            var former = r[16].Split('|', StringSplitOptions.RemoveEmptyEntries)
                .Concat(names.Keys)
                .Where(c => c != r[0])
                .Distinct(StringComparer.Ordinal)
                .Select(c => new FormerCommune(c, names.GetValueOrDefault(c)))
                .ToList();
            var commune = new Commune(r[0], r[1], r[13].Split('|')[0], r[4], former);
            geography.Add(commune, Math.Max(population, 50));
        }

        return geography;
    }

    private static Geography BuiltIn()
    {
        var geography = new Geography("built-in list (no ../shared/data: 20 large communes and one merged one)");
        (string Code, string Name, string Postcode, double Population)[] communes =
        [
            ("75056", "Paris", "75011", 2_100_000), ("13055", "Marseille", "13003", 870_000), ("69123", "Lyon", "69008", 520_000),
            ("31555", "Toulouse", "31000", 500_000), ("06088", "Nice", "06000", 340_000), ("44109", "Nantes", "44000", 320_000),
            ("34172", "Montpellier", "34000", 300_000), ("67482", "Strasbourg", "67000", 290_000), ("33063", "Bordeaux", "33000", 260_000),
            ("59350", "Lille", "59000", 235_000), ("35238", "Rennes", "35000", 225_000), ("51454", "Reims", "51100", 180_000),
            ("42218", "Saint-Étienne", "42000", 175_000), ("76351", "Le Havre", "76600", 165_000), ("83137", "Toulon", "83000", 180_000),
            ("38185", "Grenoble", "38000", 158_000), ("21231", "Dijon", "21000", 160_000), ("49007", "Angers", "49000", 157_000),
            ("30189", "Nîmes", "30000", 150_000), ("69266", "Villeurbanne", "69100", 155_000),
        ];
        foreach (var (code, name, postcode, population) in communes)
        {
            geography.Add(new Commune(code, name, postcode, code[..2], []), population);
        }

        geography.Add(
            new Commune(
                "74010",
                "Annecy",
                "74000",
                "74",
                [new("74011", "Annecy-le-Vieux"), new("74093", "Cran-Gevrier"), new("74182", "Meythet"), new("74217", "Pringy"), new("74268", "Seynod")]),
            130_000);
        return geography;
    }
}
