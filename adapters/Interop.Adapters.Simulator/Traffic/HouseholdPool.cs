using System.Globalization;
using Interop.Adapters.Simulator.Erp;

namespace Interop.Adapters.Simulator.Traffic;

/// <summary>
/// Households drawn deterministically from an index: the same index gives the same household at
/// every landlord and in every run. The first <see cref="SharedCount"/> indexes are households
/// that apply at several landlords (the duplicates the hub catches); each landlord's own households
/// come from indexes no other seed reaches.
/// </summary>
public sealed class HouseholdPool(int sharedCount = 30)
{
    private static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
        "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefevre", "Faure", "Andre",
        "Mercier", "Blanc", "Guerin", "Boyer", "Garnier", "Chevalier", "Francois", "Legrand", "Gauthier", "Garcia",
    ];

    private static readonly string[] FemaleFirstNames = ["Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Julie", "Emma", "Lucie", "Anaïs", "Nadia", "Sophie"];
    private static readonly string[] MaleFirstNames = ["Lucas", "Hugo", "Louis", "Nathan", "Karim", "Julien", "Thomas", "Mehdi", "Antoine", "Yanis", "Paul", "Éric"];
    private static readonly string[] Situations = ["CELIB", "MARIE", "DIVORCE", "SEPARE", "PACS"];
    private static readonly string[] Housings = ["LOCPRIV", "LOCPRIV", "HLM", "HEBERGE", "HOTEL", "SDF"];
    private static readonly string[] Typologies = ["T1", "T2", "T2", "T3", "T3", "T4", "T5"];
    // Communes the official geography knows in every test setup (Caen, Hérouville-Saint-Clair).
    private static readonly string[] Communes = ["14118", "14327"];

    /// <summary>How many households are shared by every landlord (indexes 0 … <c>SharedCount - 1</c>).</summary>
    public int SharedCount { get; } = sharedCount;

    /// <summary>The household of <paramref name="index"/>, in the ERP's shape, without a reference yet.</summary>
    public Dossier Household(long index, string departement = "14")
    {
        var random = new Random(unchecked((int)(index * 2_654_435_761L)));
        var female = random.Next(2) == 0;
        var last = LastNames[random.Next(LastNames.Length)];
        var first = female ? FemaleFirstNames[random.Next(FemaleFirstNames.Length)] : MaleFirstNames[random.Next(MaleFirstNames.Length)];
        var situation = Situations[random.Next(Situations.Length)];
        var dossier = new Dossier
        {
            Reference = "",
            Nom = last,
            Prenom = first,
            Sexe = female ? "F" : "H",
            DateNaissance = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 365 * 52)),
            CommuneNaissance = Communes[random.Next(Communes.Length)],
            Nationalite = random.Next(10) switch { < 8 => "FR", 8 => "UE", _ => "HUE" },
            Courriel = string.Create(CultureInfo.InvariantCulture, $"{Ascii(first)}.{Ascii(last)}.{index}@example.fr"),
            Situation = situation,
            Logement = Housings[random.Next(Housings.Length)],
            Motif = situation is "DIVORCE" or "SEPARE" ? "DIVORCE" : "SANSLOGT",
            Revenu = 600 + random.Next(0, 2400),
            Departement = departement,
            Typologie = Typologies[random.Next(Typologies.Length)],
            CommuneSouhaitee = Communes[random.Next(Communes.Length)],
        };

        // The current dwelling, drawn last so every other field of an index is what it was before these facts
        // existed: none in the street, lodged free when hosted, one room at the hotel.
        return dossier.Logement switch
        {
            "SDF" => dossier,
            "HEBERGE" => dossier with { Pieces = 1 + random.Next(4), Loyer = 0 },
            "HOTEL" => dossier with { Pieces = 1, Loyer = 300 + random.Next(600) },
            _ => dossier with { Pieces = 1 + random.Next(5), Loyer = 350 + random.Next(700) },
        };
    }

    /// <summary>The index of the <paramref name="ordinal"/>-th own household of the landlord of <paramref name="seed"/>.</summary>
    public long OwnIndex(int seed, long ordinal) => SharedCount + ((long)(uint)seed * 1_000_000L) + ordinal;

    private static string Ascii(string name) =>
        new([.. name.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).Select(char.ToLowerInvariant)]);
}
