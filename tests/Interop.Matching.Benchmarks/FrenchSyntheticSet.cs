using System.Globalization;
using System.Text;
using Interop.Hub.Core.Matching;

namespace Interop.Matching.Benchmarks;

/// <summary>
/// A synthetic French stock with known truth: people, a third of them typed again with one to three
/// of the errors desks make (<see cref="Corruption"/>), and hard negatives — twins, a parent and a
/// child with the same names, spouses, homonyms born the same year — that must stay apart.
/// </summary>
internal sealed class FrenchSyntheticSet
{
    private static readonly string[] ForeignBirthPlaces = ["99350", "99352", "99351", "99134", "99139", "99127", "99109"];
    private static readonly string[] Nationalities = ["MA", "DZ", "TN", "PT", "ES", "IT", "SN", "TR", "RO"];

    private readonly FrenchSources sources;
    private readonly Random random;
    private readonly List<SyntheticPerson> people = [];

    private FrenchSyntheticSet(FrenchSources sources, int seed)
    {
        this.sources = sources;
        random = new Random(seed);
    }

    public required List<PersonIdentity> Records { get; init; }

    public required string[] EntityOf { get; init; }

    public required Dictionary<string, int> Counts { get; init; }

    public static FrenchSyntheticSet Generate(FrenchSources sources, int entities, int seed = 2026, double duplicateShare = 0.3)
    {
        var builder = new FrenchSyntheticSet(sources, seed) { Records = [], EntityOf = [], Counts = [] };
        return builder.Build(entities, duplicateShare);
    }

    private FrenchSyntheticSet Build(int entities, double duplicateShare)
    {
        var counts = new Dictionary<string, int>();
        void Count(string what) => counts[what] = counts.GetValueOrDefault(what) + 1;
        var originals = new List<SyntheticPerson>();
        for (var e = 0; e < entities; e++)
        {
            var roll = random.NextDouble();
            var person = NewPerson($"e{e}");
            originals.Add(person);
            people.Add(person);

            // Hard negatives: relatives and homonyms of this person, each a different entity.
            if (roll < 0.02)
            {
                var twinSex = random.NextDouble() < 0.5 ? person.Sex : Other(person.Sex);
                people.Add(person with { Entity = $"e{e}-twin", Sex = twinSex, FirstNames = DifferentFirstNames(twinSex, person.FirstNames), Email = "" });
                Count("hard negative: twins");
            }
            else if (roll < 0.04)
            {
                var childBirth = DateOnly.ParseExact(person.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(random.Next(20 * 365, 35 * 365));
                people.Add(person with { Entity = $"e{e}-child", BirthDate = childBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), BirthPlace = sources.Communes.Draw(random).Code, Email = "" });
                Count("hard negative: parent and child, same names");
            }
            else if (roll < 0.12)
            {
                var spouseSex = Other(person.Sex);
                var spouse = NewPerson($"e{e}-spouse", spouseSex) with
                {
                    LastName = person.LastName,
                    BirthName = spouseSex == "F" ? sources.Surname(random) : "",
                    Postcode = person.Postcode,
                    Commune = person.Commune,
                    Phone = random.NextDouble() < 0.5 ? person.Phone : "",
                };
                people.Add(spouse);
                Count("hard negative: spouses");
            }
            else if (roll < 0.16)
            {
                var name = sources.CommonSurname(random);
                var given = sources.CommonGivenName(random, person.Sex);
                var year = person.BirthDate[..4];
                var one = person with { LastName = name, BirthName = "", FirstNames = [given] };
                originals[^1] = one;
                people[^1] = one;
                people.Add(NewPerson($"e{e}-homonym", person.Sex) with { LastName = name, FirstNames = [given], BirthDate = $"{year}-{random.Next(1, 13):00}-{random.Next(1, 29):00}" });
                Count("hard negative: homonyms born the same year");
            }
        }

        foreach (var original in originals.Take((int)(originals.Count * duplicateShare)))
        {
            var copies = random.NextDouble() < 0.8 ? 1 : 2;
            for (var c = 0; c < copies; c++)
            {
                var copy = original;
                var errors = 1 + random.Next(3);
                for (var k = 0; k < errors; k++)
                {
                    var (changed, name) = Corruption.Apply(copy, random, sources);
                    copy = changed;
                    Count("error: " + name);
                }

                people.Add(copy);
            }
        }

        // Shuffle so that duplicates are not next to their original.
        var order = Enumerable.Range(0, people.Count).OrderBy(_ => random.Next()).ToArray();
        var records = new List<PersonIdentity>(people.Count);
        var entityOf = new string[people.Count];
        for (var i = 0; i < order.Length; i++)
        {
            var person = people[order[i]];
            records.Add(person.ToIdentity($"r{i + 1}"));
            entityOf[i] = person.Entity;
        }

        return new FrenchSyntheticSet(sources, 0) { Records = records, EntityOf = entityOf, Counts = counts };
    }

    private SyntheticPerson NewPerson(string entity, string? sex = null)
    {
        sex ??= random.NextDouble() < 0.5 ? "M" : "F";
        var birth = new DateOnly(1940, 1, 1).AddDays(random.Next(65 * 365));
        var surname = sources.Surname(random);
        var married = sex == "F" && birth.Year < 2000 && random.NextDouble() < 0.4;
        var names = random.NextDouble() < 0.5 ? 1 : 2 + random.Next(2);
        var firstNames = new List<string>();
        while (firstNames.Count < names)
        {
            var name = sources.GivenName(random, sex);
            if (!firstNames.Contains(name))
            {
                firstNames.Add(name);
            }
        }

        var residence = sources.Communes.Draw(random);
        var foreign = random.NextDouble() < 0.1;
        return new SyntheticPerson
        {
            Entity = entity,
            LastName = married ? sources.Surname(random) : surname,
            BirthName = married ? surname : "",
            FirstNames = [.. firstNames],
            Sex = sex,
            BirthDate = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            BirthPlace = foreign ? ForeignBirthPlaces[random.Next(ForeignBirthPlaces.Length)] : sources.Communes.Draw(random).Code,
            Nationality = foreign && random.NextDouble() < 0.6 ? Nationalities[random.Next(Nationalities.Length)] : "FR",
            Email = random.NextDouble() < 0.6 ? $"{Ascii(firstNames[0])}.{Ascii(surname)}{random.Next(100)}@example.fr".ToLowerInvariant() : "",
            Phone = random.NextDouble() < 0.7 ? $"0{6 + random.Next(2)}{random.Next(100_000_000):00000000}" : "",
            Postcode = residence.Postcode,
            Commune = residence.Name,
        };
    }

    private string[] DifferentFirstNames(string sex, string[] others)
    {
        while (true)
        {
            var name = sources.GivenName(random, sex);
            if (!others.Any(o => o.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(o, StringComparison.OrdinalIgnoreCase)))
            {
                return [name];
            }
        }
    }

    private static string Other(string sex) => sex == "M" ? "F" : "M";

    internal static string Ascii(string text)
    {
        var decomposed = text.Replace("œ", "oe", StringComparison.Ordinal).Replace("Œ", "OE", StringComparison.Ordinal)
            .Replace("æ", "ae", StringComparison.Ordinal).Replace("Æ", "AE", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
    }
}
