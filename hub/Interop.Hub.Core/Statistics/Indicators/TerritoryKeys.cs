namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// The keys under which the indicator tables count a territory: the whole file,
/// a département, a commune wished, an EPCI. One owner for their spelling.
/// </summary>
public static class TerritoryKeys
{
    public const string File = "F";

    public static string Departement(string code) => "D:" + code;

    public static string Commune(string code) => "C:" + code;

    public static string Epci(string siren) => "E:" + siren;

    /// <summary>
    /// Every territory an application counts in: the file, its département,
    /// each commune it wishes and each EPCI of those communes, once each.
    /// </summary>
    public static IReadOnlyList<string> Of(string departement, IEnumerable<string> wishedCommunes, EpciDirectory epcis)
    {
        var keys = new List<string> { File, Departement(departement) };
        var communes = wishedCommunes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        keys.AddRange(communes.Select(Commune));
        keys.AddRange(communes.Select(epcis.EpciOf).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(Epci));
        return keys;
    }
}
