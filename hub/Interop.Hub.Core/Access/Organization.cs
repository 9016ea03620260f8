namespace Interop.Hub.Core.Access;

/// <summary>A member of the shared file.</summary>
public sealed record Organization
{
    /// <summary>The hub administrator that the bootstrap key stands for; created at start.</summary>
    public const string BootstrapAdministratorId = "hub-administrator";

    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    public required OrganizationKind Kind { get; init; }

    public Territory Territory { get; init; } = new();

    /// <summary>Landlords: communes where they hold housing stock.</summary>
    public IReadOnlyList<string> StockCommuneCodes { get; init; } = [];

    public IReadOnlyList<string> RegisteringDesks { get; init; } = [];

    public long Revision { get; init; } = 1;

    public DateTimeOffset CreatedAt { get; init; }
}
