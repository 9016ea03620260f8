using System.Text.Json;
using Interop.Hub.Core.Cotation.Grids;
using Interop.Hub.Core.Statistics;

namespace Interop.Hub.Core.Cotation.Loading;

/// <summary>
/// A grid's territory lies in its EPCI: every commune it names is a member of the EPCI of its
/// <c>epci</c> SIREN in the official geography (epci.json). The Ville de Paris is the one scoring body
/// that is not an EPCI (L441-2-8 CCH names it beside them): its grids cover the commune of Paris alone.
/// </summary>
internal static class GridTerritory
{
    /// <summary>SIREN of the Ville de Paris.</summary>
    public const string VilleDeParis = "217500016";

    /// <summary>INSEE code of the commune of Paris.</summary>
    public const string Paris = "75056";

    public static void Check(CotationGrid grid, EpciDirectory epcis, JsonElement root, GridErrors errors)
    {
        var communes = root.GetProperty("territory").GetProperty("communes");
        IReadOnlyCollection<string> members;
        if (grid.Epci == VilleDeParis)
        {
            members = [Paris];
        }
        else if (epcis.Members(grid.Epci) is { Count: > 0 } known)
        {
            members = known;
        }
        else
        {
            errors.Add("$.epci", $"{grid.Epci} is not the SIREN of an EPCI of the official geography (nor the Ville de Paris).");
            return;
        }

        var index = 0;
        foreach (var commune in communes.EnumerateArray())
        {
            var code = commune.GetString() ?? "";
            if (!members.Contains(code))
            {
                var actual = epcis.EpciOf(code) is { } other ? $"; it belongs to EPCI {other}" : "";
                errors.Add(JsonLineMap.Element("$.territory.communes", index), $"commune {code} is not a member of EPCI {grid.Epci}{actual}.");
            }

            index++;
        }
    }
}
