using System.Globalization;
using System.IO.Compression;

namespace Interop.Matching.HeldOut.Population;

/// <summary>
/// French given names weighted by births, by sex and decade of birth (INSEE fichier des prénoms through
/// <c>names/prenoms_france_annuel.csv.gz</c>), or a short built-in list when the data are absent (far less
/// varied: more namesakes, fewer rare spellings).
/// </summary>
internal sealed class GivenNames
{
    private readonly Dictionary<(char Sex, int Decade), WeightedList<string>> _byDecade = [];
    private readonly Dictionary<char, WeightedList<string>> _bySex = [];

    private GivenNames(string source) => Source = source;

    public string Source { get; }

    public static GivenNames Load(string? dataFolder)
    {
        var file = dataFolder is null ? null : Path.Combine(dataFolder, "names", "prenoms_france_annuel.csv.gz");
        if (file is null || !File.Exists(file))
        {
            return BuiltIn();
        }

        var sums = new Dictionary<(char Sex, int Decade), Dictionary<string, double>>();
        using var stream = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var fields = CsvLine.Split(line);
            var year = int.Parse(fields[0], CultureInfo.InvariantCulture);
            if (year < 1930 || fields[2].Length < 2)
            {
                continue;
            }

            var key = (fields[1][0], year / 10 * 10);
            if (!sums.TryGetValue(key, out var names))
            {
                sums[key] = names = [];
            }

            names[fields[2]] = names.GetValueOrDefault(fields[2]) + double.Parse(fields[3], CultureInfo.InvariantCulture);
        }

        var result = new GivenNames($"{file} (by sex and decade of birth)");
        foreach (var (key, names) in sums)
        {
            var list = new WeightedList<string>();
            foreach (var (name, births) in names.OrderBy(n => n.Key, StringComparer.Ordinal))
            {
                list.Add(name, births);
            }

            result._byDecade[key] = list;
        }

        return result;
    }

    public string Draw(Random random, char sex, int birthYear)
    {
        var decade = Math.Min(birthYear / 10 * 10, 2020);
        if (_byDecade.TryGetValue((sex, decade), out var list))
        {
            return list.Draw(random);
        }

        return _bySex[sex].Draw(random);
    }

    private static GivenNames BuiltIn()
    {
        var result = new GivenNames("built-in list (no ../shared/data: 30 names a sex, no decades)");
        result._bySex['M'] = Weighted(
            "Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas", "Christophe", "Patrick", "Daniel", "Stéphane",
            "Jean-Pierre", "David", "Frédéric", "Laurent", "Éric", "Thomas", "Julien", "Sébastien", "Mohamed", "Olivier",
            "Kevin", "Lucas", "Jean-Claude", "François", "Bernard", "Mathis", "Hugo", "Karim", "Jérôme", "Yannick");
        result._bySex['F'] = Weighted(
            "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Sandrine", "Christine", "Céline", "Julie",
            "Anne-Marie", "Aurélie", "Valérie", "Stéphanie", "Émilie", "Laura", "Sarah", "Camille", "Fatima", "Monique",
            "Hélène", "Chloé", "Marie-Claire", "Léa", "Inès", "Nadia", "Martine", "Josiane", "Océane", "Manon");
        return result;
    }

    private static WeightedList<string> Weighted(params string[] names)
    {
        var list = new WeightedList<string>();
        for (var rank = 0; rank < names.Length; rank++)
        {
            list.Add(names[rank], 1.0 / (rank + 3));
        }

        return list;
    }
}
