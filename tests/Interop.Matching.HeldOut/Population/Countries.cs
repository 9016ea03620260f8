namespace Interop.Matching.HeldOut.Population;

/// <summary>
/// Countries of birth of applicants born abroad, with their INSEE codes (COG, countries are 99xxx) and a rough
/// weight written from public knowledge of immigration to France (North Africa, Portugal, West Africa first).
/// </summary>
internal static class Countries
{
    public static readonly IReadOnlyList<Country> All =
    [
        new("99352", "Algérie", "DZ", 20),
        new("99350", "Maroc", "MA", 18),
        new("99351", "Tunisie", "TN", 8),
        new("99139", "Portugal", "PT", 9),
        new("99127", "Italie", "IT", 4),
        new("99134", "Espagne", "ES", 4),
        new("99208", "Turquie", "TR", 5),
        new("99341", "Sénégal", "SN", 4),
        new("99335", "Mali", "ML", 4),
        new("99326", "Côte d'Ivoire", "CI", 4),
        new("99322", "Cameroun", "CM", 3),
        new("99312", "Congo (Rép. dém.)", "CD", 3),
        new("99397", "Comores", "KM", 3),
        new("99243", "Viêt Nam", "VN", 2),
        new("99114", "Roumanie", "RO", 3),
        new("99131", "Belgique", "BE", 2),
        new("99109", "Allemagne", "DE", 2),
        new("99336", "Haïti", "HT", 2),
        new("99333", "Madagascar", "MG", 2),
    ];
}
