using Interop.Hub.Core.Statistics;
using Interop.Hub.Geography;

namespace Interop.Hub.Observatory;

/// <summary>
/// The EPCIs of the official geography, read at start from <c>epci.json</c>
/// beside the <c>communes.json</c> the hub uses (the same npm package,
/// <c>@etalab/decoupage-administratif</c>). Without it the hub still counts by
/// commune and département, and refuses to count by EPCI.
/// </summary>
internal static class OfficialEpcis
{
    public static EpciDirectory Load(string? configuredCommunes, IEnumerable<string> roots, ILogger logger)
    {
        var communes = OfficialGeography.Locate(configuredCommunes, roots);
        var path = communes is null ? null : Path.Combine(Path.GetDirectoryName(communes)!, EpciJson.FileName);
        if (path is null || !File.Exists(path))
        {
            logger.LogWarning("No EPCI list ({File} not found beside communes.json): the observatory does not count by EPCI", EpciJson.FileName);
            return EpciDirectory.Empty;
        }

        using var stream = File.OpenRead(path);
        var directory = EpciJson.Read(stream);
        logger.LogInformation("EPCIs of the official geography: {Count} from {File}", directory.Count, path);
        return directory;
    }
}
