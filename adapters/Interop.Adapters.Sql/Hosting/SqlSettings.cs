namespace Interop.Adapters.Sql.Hosting;

/// <summary>How the SQL adapter runs (from the command line).</summary>
public sealed record SqlSettings
{
    /// <summary>The hub's address (h2c locally, https in deployment).</summary>
    public required Uri Hub { get; init; }

    /// <summary>The landlord's API key.</summary>
    public required string ApiKey { get; init; }

    /// <summary>The landlord's organisation id at the hub.</summary>
    public required string Organization { get; init; }

    /// <summary>The registering desk of its registrations. Default <c>B0001</c>.</summary>
    public string Desk { get; init; } = "B0001";

    /// <summary>The ERP's PostgreSQL connection string (its tables, the outbox, the adapter's state).</summary>
    public required string ErpConnectionString { get; init; }

    /// <summary>The département followed. Default 14.</summary>
    public string Departement { get; init; } = "14";

    /// <summary>How often the outbox is read when it was empty. Default 1 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>An extra JSON configuration file (the landlord's <c>Adapter:Mappings</c> tables).</summary>
    public string? ConfigFile { get; init; }
}
