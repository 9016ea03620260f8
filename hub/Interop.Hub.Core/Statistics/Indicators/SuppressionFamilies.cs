using Interop.Hub.Core.Numbering;

namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// The families that decide a territory's cells, from the top down: the file
/// and every département together (the file is their sum); then the EPCIs of
/// a département (their home département, <see cref="EpciDirectory.HomeDepartement"/>);
/// then the communes of an EPCI. An application counts in every commune it
/// wishes and in each of their EPCIs, so a département covers its EPCIs and an
/// EPCI its communes without being their sum; the rule treats them as if they
/// were, which only withholds more.
/// </summary>
public static class SuppressionFamilies
{
    /// <param name="territory">A key of <see cref="TerritoryKeys"/>.</param>
    /// <returns>The chain for <see cref="CrossCallSuppression.ForTerritory"/>, the territory's own family last.</returns>
    public static IReadOnlyList<SuppressionFamily> Of(string territory, EpciDirectory epcis)
    {
        var file = FileFamily();
        if (territory == TerritoryKeys.File || territory.StartsWith(TerritoryKeys.Departement(""), StringComparison.Ordinal))
        {
            return [file];
        }

        if (territory.StartsWith(TerritoryKeys.Epci(""), StringComparison.Ordinal))
        {
            var siren = territory[TerritoryKeys.Epci("").Length..];
            return epcis.HomeDepartement(siren) is { } home ? [file, EpciFamily(home, epcis)] : [file, Lone(territory, AncestorsOfEpci(siren, epcis))];
        }

        var commune = territory[TerritoryKeys.Commune("").Length..];
        var departement = Departements.OfCommune(commune);
        var ownDepartement = departement is null ? [] : new[] { TerritoryKeys.Departement(departement) };
        if (epcis.EpciOf(commune) is { } epci && epcis.HomeDepartement(epci) is { } epciHome)
        {
            var communes = epcis.Members(epci).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var ancestors = communes.ToDictionary(
                c => TerritoryKeys.Commune(c),
                c => (IReadOnlyList<string>)[TerritoryKeys.Epci(epci), .. AncestorsOfEpci(epci, epcis), .. Departements.OfCommune(c) is { } d ? [TerritoryKeys.Departement(d)] : Array.Empty<string>()],
                StringComparer.Ordinal);
            return [file, EpciFamily(epciHome, epcis), new(ancestors.Keys.ToList(), null, TerritoryKeys.Epci(epci), Distinct(ancestors))];
        }

        // A commune outside any EPCI (a few islands): weighed against its département and the file, with no siblings.
        return [file, new([territory], null, ownDepartement.FirstOrDefault(), new Dictionary<string, IReadOnlyList<string>> { [territory] = [.. ownDepartement, TerritoryKeys.File] })];
    }

    private static SuppressionFamily FileFamily()
    {
        var departements = Departements.All.Order(StringComparer.Ordinal).Select(TerritoryKeys.Departement).ToList();
        return new(
            [TerritoryKeys.File, .. departements],
            TerritoryKeys.File,
            null,
            departements.ToDictionary(d => d, _ => (IReadOnlyList<string>)[TerritoryKeys.File], StringComparer.Ordinal));
    }

    private static SuppressionFamily EpciFamily(string home, EpciDirectory epcis)
    {
        var members = epcis.EpcisOf(home).ToList();
        return new(
            members.Select(TerritoryKeys.Epci).ToList(),
            null,
            TerritoryKeys.Departement(home),
            members.ToDictionary(TerritoryKeys.Epci, s => (IReadOnlyList<string>)AncestorsOfEpci(s, epcis), StringComparer.Ordinal));
    }

    // Every département an EPCI touches (one for nearly all of them) and the file.
    private static List<string> AncestorsOfEpci(string siren, EpciDirectory epcis) =>
        [.. epcis.DepartementsOf(siren).Select(TerritoryKeys.Departement), TerritoryKeys.File];

    private static SuppressionFamily Lone(string territory, IReadOnlyList<string> ancestors) =>
        new([territory], null, null, new Dictionary<string, IReadOnlyList<string>> { [territory] = ancestors });

    private static Dictionary<string, IReadOnlyList<string>> Distinct(Dictionary<string, IReadOnlyList<string>> ancestors) =>
        ancestors.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
}
