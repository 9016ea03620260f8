using Interop.Hub.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interop.Hub.Configuration;

/// <summary>The hub is serving only while it can reach its database: every call needs it.</summary>
internal sealed class DatabaseHealthCheck(RegistryDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", exception);
        }
    }
}
