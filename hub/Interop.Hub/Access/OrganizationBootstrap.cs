using Interop.Hub.Configuration;
using Interop.Hub.Core.Access;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Access;

namespace Interop.Hub.Access;

/// <summary>
/// Prepares access control at start: refuses a weak bootstrap key in
/// Production, and makes sure the administrator organisation that the
/// bootstrap key stands for exists.
/// </summary>
internal static class OrganizationBootstrap
{
    public static void RequireStrongBootstrapKey(InteropOptions options, IHostEnvironment environment)
    {
        if (environment.IsProduction() && options.BootstrapAdminKey is { Length: > 0 } key
            && key.Length < InteropOptions.MinimumProductionBootstrapKeyLength)
        {
            throw new InvalidOperationException(
                $"Interop:BootstrapAdminKey is {key.Length} characters long; in Production it must have at least " +
                $"{InteropOptions.MinimumProductionBootstrapKeyLength}. Generate one, e.g. `openssl rand -base64 33`.");
        }
    }

    public static async Task EnsureAdministratorAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<RegistryDatabase>();
        var organizations = services.GetRequiredService<OrganizationStore>();
        var time = services.GetRequiredService<TimeProvider>();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await organizations.InsertAsync(
            transaction,
            new Organization
            {
                Id = Organization.BootstrapAdministratorId,
                DisplayName = "Hub administrator",
                Kind = OrganizationKind.HubAdministrator,
                CreatedAt = time.GetUtcNow(),
            },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
