namespace Interop.NationalExchange.Simulator;

/// <summary>What the simulated national registry knows besides what it received.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Its folder (required): <c>national-registry.json</c>, its state, is kept there.</summary>
    public string Directory { get; set; } = "";

    /// <summary>The desks it knows; a line from another desk is rejected GUI01. Null: every desk.</summary>
    public IReadOnlySet<string>? KnownDesks { get; set; }

    /// <summary>The INSEE communes that exist for it; a wished commune outside is rejected COM01. Null: every well-formed code.</summary>
    public IReadOnlySet<string>? KnownCommunes { get; set; }
}
