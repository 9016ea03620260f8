namespace Interop.Matching.HeldOut.Population;

/// <summary>
/// French surnames: a head of common names written from public knowledge (rank order of the most frequent surnames
/// in France, approximate; weights fall off as a power law of the rank), then a long tail of rare names
/// synthesised from French surname syllables, so that namesakes are frequent at the head and rare in the tail,
/// as in a real file. No surname frequency file exists in ../shared/data.
/// </summary>
internal sealed class Surnames
{
    // Rank order, most frequent first; accents and particles as they are written on papers.
    private static readonly string[] Common =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
        "Simon", "Michel", "Lefèbvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
        "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André",
        "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
        "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
        "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
        "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud",
        "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin", "Vidal", "Caron",
        "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
        "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte",
        "Lopez", "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Dupuis", "Moulin",
        "Louis", "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet",
        "Adam", "Paris", "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Charles", "Renault", "Charpentier",
        "Ménard", "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider", "Fernandez", "Le Gall", "Collet",
        "Léger", "Bouvier", "Julien", "Prévost", "Millet", "Perrot", "Daniel", "Le Roux", "Cousin", "Germain",
        "Breton", "Besson", "Langlois", "Rémy", "Le Goff", "Pelletier", "Lévêque", "Perrier", "Leblanc", "Barré",
        "Lebrun", "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier", "Michaud", "Rodriguez",
        "Guichard", "Gillet", "Étienne", "Grondin", "Poulain", "Tessier", "Chevallier", "Collin", "Chauvin", "Da Silva",
        "Bouchet", "Gay", "Lemaître", "Bénard", "Maréchal", "Humbert", "Reynaud", "Antoine", "Hoarau", "Perret",
        "Barthélemy", "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Carlier", "Laporte",
        "Nguyen", "Diallo", "Traoré", "Benali", "Haddad", "Mansouri", "Cissé", "Koné", "Diop", "Ferreira",
        "Dos Santos", "Pereira", "Rodrigues", "Gonçalves", "Martins", "Yilmaz", "Kaya", "Belkacem", "Meziane", "Ben Ahmed",
        "Cohen", "Lévy", "Rossi", "Russo", "Costa", "N'Diaye", "D'Almeida", "De Oliveira", "Saint-Martin", "Le Bihan",
    ];

    private static readonly string[] Prefixes = ["", "", "", "", "", "", "Le ", "De ", "Du ", "La "];
    private static readonly string[] Onsets =
    [
        "B", "Br", "C", "Ch", "Cl", "D", "F", "Fr", "G", "Gr", "J", "L", "M", "N", "P", "Pr", "R", "S", "T", "Tr", "V", "Vi",
    ];

    private static readonly string[] Vowels = ["a", "e", "i", "o", "ou", "au", "ai", "é", "eu", "u"];
    private static readonly string[] Middles = ["", "", "r", "l", "n", "m", "ss", "t", "rd", "ch", "v", "g", "qu", "nn"];
    private static readonly string[] Endings =
    [
        "ard", "ier", "et", "ot", "eau", "in", "on", "ault", "aud", "elle", "y", "ac", "ec", "ou", "and", "ens", "oux",
        "at", "ey", "ère", "iot", "ais", "ange", "ieux", "ain",
    ];

    private readonly WeightedList<string> _names = new();

    public Surnames(Random random, int tailSize)
    {
        // The head holds about 60 % of people (Zipf-like by rank), the synthesised tail the other 40 %.
        var headWeights = Enumerable.Range(0, Common.Length).Select(rank => 1.0 / Math.Pow(rank + 8, 0.9)).ToArray();
        var headTotal = headWeights.Sum();
        for (var rank = 0; rank < Common.Length; rank++)
        {
            _names.Add(Common[rank], 0.6 * headWeights[rank] / headTotal);
        }

        var tail = new HashSet<string>(StringComparer.Ordinal);
        while (tail.Count < tailSize)
        {
            tail.Add(Synthesise(random));
        }

        foreach (var name in tail.Order(StringComparer.Ordinal))
        {
            _names.Add(name, 0.4 / tailSize * (0.5 + random.NextDouble()));
        }
    }

    public string Draw(Random random) => _names.Draw(random);

    private static string Synthesise(Random random)
    {
        var syllables = random.Next(1, 3);
        var body = "";
        for (var i = 0; i < syllables; i++)
        {
            body += Onsets[random.Next(Onsets.Length)].ToLowerInvariant() + Vowels[random.Next(Vowels.Length)] + Middles[random.Next(Middles.Length)];
        }

        body += Endings[random.Next(Endings.Length)];
        return Prefixes[random.Next(Prefixes.Length)] + char.ToUpperInvariant(body[0]) + body[1..];
    }
}
