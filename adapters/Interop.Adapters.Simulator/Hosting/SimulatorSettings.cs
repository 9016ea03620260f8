namespace Interop.Adapters.Simulator.Hosting;

/// <summary>How one simulated landlord runs (from the command line).</summary>
public sealed record SimulatorSettings
{
    /// <summary>The hub's address (h2c), e.g. <c>http://127.0.0.1:5080</c>.</summary>
    public required Uri Hub { get; init; }

    /// <summary>The landlord's API key.</summary>
    public required string ApiKey { get; init; }

    /// <summary>The landlord's organisation id at the hub.</summary>
    public required string Organization { get; init; }

    /// <summary>The registering desk of its registrations. Default <c>B0001</c>.</summary>
    public string Desk { get; init; } = "B0001";

    /// <summary>The seed of its traffic and of its own households. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Traffic actions per second; 0 = no traffic (the ERP only follows the hub). Default 2.</summary>
    public double Rate { get; init; } = 2;

    /// <summary>Stops the traffic after this many actions; null = until stopped.</summary>
    public int? Steps { get; init; }

    /// <summary>Whether its traffic signs leases (typed in its ERP's journal, pushed by the adapter through the hub's attribution path). Default true.</summary>
    public bool Leases { get; init; } = true;

    /// <summary>The ERP's and the adapter's files (<c>erp.json</c>, <c>adapter-state.json</c>); null = in memory only.</summary>
    public string? DataFolder { get; init; }

    /// <summary>The département followed and registered in. Default 14.</summary>
    public string Departement { get; init; } = "14";

    /// <summary>The commune of the landlord's dwellings (attributions). Default 14118 (Caen).</summary>
    public string StockCommune { get; init; } = "14118";

    /// <summary>Households shared by the landlords (the duplicates). Default 30.</summary>
    public int SharedHouseholds { get; init; } = 30;

    /// <summary>How often the counts line is printed. Default 5 s.</summary>
    public TimeSpan ReportInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Prints one line per flow event, not only the counts. Default true.</summary>
    public bool Verbose { get; init; } = true;

    /// <summary>An extra JSON configuration file (mapping tables that override the built-in ones, <c>Adapter</c> section).</summary>
    public string? ConfigFile { get; init; }
}
