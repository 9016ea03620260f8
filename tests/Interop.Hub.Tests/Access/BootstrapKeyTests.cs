using Interop.Testing;

namespace Interop.Hub.Tests.Access;

/// <summary>A Production hub refuses to start with a guessable bootstrap administrator key.</summary>
public sealed class BootstrapKeyTests
{
    [Fact]
    public async Task Production_WithAShortBootstrapKey_RefusesToStart()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("bootstrap");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ExternalHubProcess.StartAsync(connectionString, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Interop__BootstrapAdminKey"] = "short-key",
        }));

        Assert.Contains("at least 32", failure.Message, StringComparison.Ordinal);
    }
}
