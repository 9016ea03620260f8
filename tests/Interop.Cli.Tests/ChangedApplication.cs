using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;

namespace Interop.Cli.Tests;

/// <summary>
/// A hub of its own (its clock moves) with one application registered on 10 March 2026 at
/// 10:00 French time, its applicant renamed the next day and radiated the day after.
/// </summary>
public sealed class ChangedApplication : IAsyncLifetime
{
    public const string NewLastName = "NOUVELNOM";

    public CliHub Hub { get; } = new();

    public Application Registered { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Hub.InitializeAsync();
        Registered = await Hub.RegisterAsync();

        Hub.Hub.Clock.Advance(TimeSpan.FromDays(1));
        var renamed = Registered.Clone();
        renamed.Applicant.LastName = NewLastName;
        await Hub.Registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = renamed,
            UpdateMask = new FieldMask { Paths = { "applicant" } },
            ExpectedRevision = 1,
        });

        Hub.Hub.Clock.Advance(TimeSpan.FromDays(1));
        await Hub.Registry.RadiateApplicationAsync(new RadiateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = Registered.Name,
            ExpectedRevision = 2,
            Reason = RadiationReason.Renunciation,
        });
    }

    public Task DisposeAsync() => Hub.DisposeAsync();
}
