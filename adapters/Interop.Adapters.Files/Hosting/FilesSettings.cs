namespace Interop.Adapters.Files.Hosting;

/// <summary>How the Files adapter runs (from the command line).</summary>
public sealed record FilesSettings
{
    /// <summary>The hub's address (h2c).</summary>
    public required Uri Hub { get; init; }

    /// <summary>The landlord's API key.</summary>
    public required string ApiKey { get; init; }

    /// <summary>The landlord's organisation id at the hub.</summary>
    public required string Organization { get; init; }

    /// <summary>The registering desk of its registrations. Default <c>B0001</c>.</summary>
    public string Desk { get; init; } = "B0001";

    /// <summary>The root of <c>inbox/</c>, <c>done/</c>, <c>failed/</c>, <c>outbox/</c> and <c>state/</c>.</summary>
    public required string Folder { get; init; }

    /// <summary>The département followed. Default 14.</summary>
    public string Departement { get; init; } = "14";

    /// <summary>How often the inbox is looked at when it is empty. Default 1 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long an export's size and last-write time must stay unchanged before it is read: an ERP may write
    /// it in place. Default 2 s; zero reads a file as soon as it is seen (exports renamed in whole only).
    /// </summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>An extra JSON configuration file (the landlord's <c>Adapter:Mappings</c> tables).</summary>
    public string? ConfigFile { get; init; }
}
