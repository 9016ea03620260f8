using System.Globalization;
using System.Text;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Numbering;

namespace Interop.Benchmarks;

/// <summary>
/// A synthetic applicant of the Calvados, drawn from its index alone (same index, same person), so
/// that the stock need not be kept in memory to query people of it again.
/// </summary>
internal sealed record SyntheticApplicant(
    string LastName, string BirthName, string[] FirstNames, Sex Sex, DateOnly BirthDate, string BirthCommune, string Email, string Phone,
    string Street, string Postcode, string City, SyntheticApplicant? CoApplicant)
{
    public Person ToPerson() => new()
    {
        LastName = LastName,
        BirthName = BirthName,
        FirstNames = FirstNames,
        Sex = Sex,
        BirthDate = BirthDate,
        BirthCommuneCode = InseeCodes.IsCountryCode(BirthCommune) ? "" : BirthCommune,
        BirthCountryCode = InseeCodes.IsCountryCode(BirthCommune) ? BirthCommune : "",
        NationalityClass = NationalityClass.French,
        Contact = new Contact { Email = Email, Phone = Phone, AddressLines = [Street], PostalCode = Postcode, City = City },
    };

    /// <summary>What the hub compares (mirrors the hub's <c>HouseholdIdentity</c>).</summary>
    public PersonIdentity ToIdentity(string id) => new()
    {
        Id = id,
        LastName = LastName,
        BirthName = BirthName,
        FirstNames = FirstNames,
        Sex = Sex switch { Sex.Male => "M", Sex.Female => "F", _ => "" },
        BirthDate = BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        BirthPlace = BirthCommune,
        Email = Email,
        Phone = Phone,
        Address = Street,
        Postcode = Postcode,
        Commune = City,
        CoApplicant = CoApplicant?.ToIdentity(id + "/co"),
    };
}

internal static class SyntheticApplicants
{
    private static readonly string[] HeadSurnames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
        "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André",
        "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
        "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
        "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
        "Le Gall", "Le Goff", "Da Silva", "Dos Santos", "N'Diaye", "Nguyen", "Benali", "Haddad", "Lefrançois", "Hébert",
    ];

    private static readonly string[] TailStarts = ["Le", "Ker", "Bel", "Mon", "Ro", "Gar", "Ver", "Cha", "Bou", "Mar", "Lef", "Dub", "Fou", "Ger", "Lan", "Pel", "Tis", "Vau", "Gri", "Bra", "Sal", "Cor", "Dal", "Fer", "Mau", "Pon", "Quen", "Rab", "Sau", "Thi"];
    private static readonly string[] TailMiddles = ["", "a", "e", "i", "o", "ou", "an", "en", "ar", "er", "il", "ol", "ur", "ab", "ev", "ill", "ign", "ach"];
    private static readonly string[] TailEnds = ["ier", "on", "and", "ot", "eau", "ais", "ault", "in", "ard", "ez", "oux", "ac", "el", "ette", "ert", "ieux", "at", "enne", "illon", "ec"];
    private static readonly string[] TailSuffixes = ["", "e", "s", "y", "ès", "and"];

    private static readonly string[] Male =
    [
        "Jean", "Pierre", "Michel", "Philippe", "Thomas", "Nicolas", "François", "Jérôme", "Lucas", "Alain", "Patrick", "Christophe",
        "Stéphane", "Sébastien", "Julien", "Laurent", "Éric", "Frédéric", "David", "Olivier", "Hugo", "Louis", "Gabriel", "Mohamed",
        "Karim", "Yanis", "Noël", "Jean-Pierre", "Jean-Claude", "Jean-Luc", "Hervé", "Benoît", "Théo", "Mathis", "Antoine", "Rémi",
    ];

    private static readonly string[] Female =
    [
        "Marie", "Sophie", "Nathalie", "Isabelle", "Catherine", "Hélène", "Léa", "Chloé", "Zoé", "Anne-Sophie", "Marie-Claire", "Jeanne",
        "Sandrine", "Céline", "Valérie", "Sylvie", "Émilie", "Aurélie", "Camille", "Manon", "Inès", "Fatima", "Amandine", "Élodie",
        "Christine", "Martine", "Françoise", "Monique", "Brigitte", "Laëtitia", "Océane", "Maëlle", "Noémie", "Agnès", "Josiane", "Gaëlle",
    ];

    private static readonly string[] Streets = ["rue de Bayeux", "avenue de la Libération", "rue Saint-Jean", "boulevard Leroy", "rue de Falaise", "place Saint-Sauveur", "rue Caponière", "quai Vendeuvre"];

    private static readonly string[] Tail =
        [.. (from s in TailStarts from m in TailMiddles from e in TailEnds from x in TailSuffixes select s + m + e + x).Distinct()];

    /// <summary>Person <paramref name="index"/> of the stock (or, for indexes past it, people who are not in it).</summary>
    public static SyntheticApplicant At(long index)
    {
        var random = new Random(unchecked((int)(index * 2654435761L) ^ 0x5eed));
        var applicant = Draw(random, null);
        if (random.NextDouble() < 0.25)
        {
            var spouse = Draw(random, applicant.Sex == Sex.Male ? Sex.Female : Sex.Male);
            applicant = applicant with
            {
                CoApplicant = spouse with
                {
                    LastName = applicant.LastName,
                    BirthName = spouse.Sex == Sex.Female ? spouse.LastName : "",
                    Street = applicant.Street,
                    Postcode = applicant.Postcode,
                    City = applicant.City,
                },
            };
        }

        return applicant;
    }

    private static SyntheticApplicant Draw(Random random, Sex? sex)
    {
        var s = sex ?? (random.NextDouble() < 0.55 ? Sex.Female : Sex.Male);
        var names = s == Sex.Male ? Male : Female;
        var firstCount = random.NextDouble() switch { < 0.4 => 1, < 0.85 => 2, _ => 3 };
        var first = Enumerable.Range(0, firstCount).Select(_ => names[Skewed(random, names.Length)]).Distinct().ToArray();
        var last = random.NextDouble() < 0.12 ? HeadSurnames[Skewed(random, HeadSurnames.Length)] : Tail[random.Next(Tail.Length)];
        var birthName = s == Sex.Female && random.NextDouble() < 0.3 ? Tail[random.Next(Tail.Length)] : "";
        var birth = new DateOnly(1940, 1, 1).AddDays(random.Next(66 * 365));
        var commune = random.NextDouble() < 0.1 ? "99350" : "14" + random.Next(1, 767).ToString("000", CultureInfo.InvariantCulture);
        var email = random.NextDouble() < 0.5
            ? $"{Ascii(first[0])}.{Ascii(last)}{random.Next(100)}@exemple.fr".Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal)
            : "";
        var phone = random.NextDouble() < 0.7 ? "06" + random.Next(0, 100_000_000).ToString("00000000", CultureInfo.InvariantCulture) : "";
        var street = $"{random.Next(1, 120)} {Streets[random.Next(Streets.Length)]}";
        // Half in Caen, the rest spread over the postcodes of the Calvados.
        var postcode = random.NextDouble() < 0.5 ? "14000" : "14" + (random.Next(1, 100) * 10).ToString("000", CultureInfo.InvariantCulture);
        return new SyntheticApplicant(last, birthName, first, s, birth, commune, email, phone, street, postcode, postcode == "14000" ? "Caen" : "Commune " + postcode, null);
    }

    // Frequent names first: a rough Zipf over the list.
    private static int Skewed(Random random, int length) => Math.Min(length - 1, (int)(length * Math.Pow(random.NextDouble(), 2.2)));

    public static string Ascii(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c switch { 'æ' => "ae", 'œ' => "oe", _ => c.ToString() });
            }
        }

        return builder.ToString().ToLowerInvariant();
    }

    /// <summary>The person typed again at a desk with one usual error; the name of the error.</summary>
    public static (SyntheticApplicant Person, string Error) WithDeskError(SyntheticApplicant person, Random random)
    {
        var accented = person.LastName + string.Concat(person.FirstNames);
        var kind = random.Next(3);
        if (kind == 0 && Ascii(accented) == accented.ToLowerInvariant())
        {
            kind = 2;
        }

        if (kind == 1 && (person.BirthDate.Day > 12 || person.BirthDate.Day == person.BirthDate.Month))
        {
            kind = 2;
        }

        switch (kind)
        {
            case 0:
                return (person with { LastName = StripAccents(person.LastName), FirstNames = [.. person.FirstNames.Select(StripAccents)] }, "accent dropped");
            case 1:
                return (person with { BirthDate = new DateOnly(person.BirthDate.Year, person.BirthDate.Day, person.BirthDate.Month) }, "day/month swapped");
            default:
                if (random.NextDouble() < 0.5)
                {
                    return (person with { LastName = Typo(person.LastName, random) }, "typo");
                }

                var names = person.FirstNames.ToArray();
                names[0] = Typo(names[0], random);
                return (person with { FirstNames = names }, "typo");
        }
    }

    private static string StripAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        return new string([.. decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)]).Normalize(NormalizationForm.FormC);
    }

    // One substituted, dropped, doubled or transposed letter, away from the first.
    private static string Typo(string name, Random random)
    {
        if (name.Length < 3)
        {
            return name + "e";
        }

        var at = random.Next(1, name.Length - 1);
        var chars = name.ToCharArray();
        switch (random.Next(4))
        {
            case 0:
                chars[at] = (char)('a' + random.Next(26));
                return new string(chars);
            case 1:
                return name.Remove(at, 1);
            case 2:
                return name.Insert(at, name[at].ToString());
            default:
                (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                return new string(chars);
        }
    }
}
