using System.Text.Json;

namespace Interop.NationalExchange.Simulator;

/// <summary>The simulated national registry's state: the numbers it holds, the export files it answered, the radiations and DALO decisions it decided.</summary>
public sealed class SimulatedRegistry
{
    private const string FileName = "national-registry.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Number → what it holds.</summary>
    public SortedDictionary<string, SimulatedApplication> Applications { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Export file SHA-256 → the return file answering it (a file received again gets the same answer).</summary>
    public Dictionary<string, string> Answered { get; init; } = [];

    /// <summary>Radiations decided on the national side, not yet sent in a return file.</summary>
    public List<PendingRadiation> PendingRadiations { get; init; } = [];

    /// <summary>DALO decisions taken on the national side, not yet sent in a return file.</summary>
    public List<PendingDaloDecision> PendingDaloDecisions { get; init; } = [];

    /// <summary>The last return file's number.</summary>
    public int LastReturn { get; set; }

    /// <summary>Loads the state of a folder (empty when new).</summary>
    public static SimulatedRegistry Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<SimulatedRegistry>(File.ReadAllText(path), Json)! : new SimulatedRegistry();
    }

    /// <summary>Saves the state in its folder.</summary>
    public void Save(string directory) => File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Json));
}

/// <summary>A number the simulated registry holds.</summary>
/// <param name="Desk">The registering desk.</param>
/// <param name="Revision">The last revision taken.</param>
/// <param name="Statut">ACT, RAD or SUP.</param>
/// <param name="Motif">With RAD: the code.</param>
public sealed record SimulatedApplication(string Desk, long Revision, string Statut, string? Motif);

/// <summary>A radiation decided nationally.</summary>
/// <param name="Number">The application.</param>
/// <param name="Motif">The code.</param>
/// <param name="SousMotif">With RADIRR.</param>
/// <param name="Date">The day.</param>
public sealed record PendingRadiation(string Number, string Motif, string? SousMotif, DateOnly Date);
