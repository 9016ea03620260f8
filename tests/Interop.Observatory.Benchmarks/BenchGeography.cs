using Interop.Hub.Core.Numbering;
using Interop.Hub.Core.Statistics;

namespace Interop.Observatory.Benchmarks;

/// <summary>
/// The official geography the hub reads at start (<c>npm ci --prefix hub/geography</c>): its EPCIs, and the real
/// communes of the benchmark's départements taken from them, so that the synthetic applications wish communes
/// the hub knows and every EPCI family the suppression reads is a real one.
/// </summary>
internal sealed class BenchGeography
{
    private const string EpciFile = "hub/geography/node_modules/@etalab/decoupage-administratif/data/" + EpciJson.FileName;

    private BenchGeography(EpciDirectory epcis, IReadOnlyDictionary<string, string[]> communes)
    {
        Epcis = epcis;
        CommunesOf = communes;
    }

    public EpciDirectory Epcis { get; }

    /// <summary>The communes of each département that belong to an EPCI, by code.</summary>
    public IReadOnlyDictionary<string, string[]> CommunesOf { get; }

    /// <summary>Reads epci.json found upwards from the program's folder (as the hub looks for communes.json); null when not installed.</summary>
    public static BenchGeography? Load(IReadOnlyList<string> departements)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, EpciFile);
            if (!File.Exists(path))
            {
                continue;
            }

            using var stream = File.OpenRead(path);
            var epcis = EpciJson.Read(stream);
            var communes = departements.ToDictionary(
                d => d,
                d => epcis.CommuneToEpci.Keys.Where(c => Departements.OfCommune(c) == d).Order(StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal);
            return new BenchGeography(epcis, communes);
        }

        return null;
    }
}
