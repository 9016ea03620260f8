using System.Globalization;
using Interop.Adapters.Sdk.Diagnostics;
using Interop.Adapters.Simulator.Erp;
using Microsoft.Extensions.Hosting;

namespace Interop.Adapters.Simulator.Hosting;

/// <summary>
/// Prints what flows through the landlord: one line per event (references and numbers, never a
/// household's name) and a line of counts at a fixed interval and at the end.
/// </summary>
internal sealed class FlowReporter(SimulatedErp erp, AdapterMetrics metrics, SimulatorSettings settings, TextWriter output, TimeProvider timeProvider) : BackgroundService
{
    private int radiatedByLease;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        erp.Flow += OnFlow;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        erp.Flow -= OnFlow;
        output.WriteLine(Counts());
    }

    /// <summary>The counts line.</summary>
    public string Counts()
    {
        int Count(string kind) => erp.Counts.GetValueOrDefault(kind);
        return string.Create(CultureInfo.InvariantCulture,
            $"[{settings.Organization}] counts: typed {Count(FlowKinds.Registered)} · updates {Count(FlowKinds.Updated)} · renewals {Count(FlowKinds.Renewed)} · radiations {Count(FlowKinds.Radiated)} · pushed {metrics.Pushed} · duplicates linked {metrics.Linked} · received {Count(FlowKinds.Received)} · updates received {Count(FlowKinds.ReceivedUpdate)} · radiations received {Count(FlowKinds.ReceivedRadiation)} ({Volatile.Read(ref radiatedByLease)} by lease) · leases signed {Count(FlowKinds.LeaseSigned)} · dead letters {metrics.DeadLettered}");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The SDK counts the registrations it linked to an existing number; a short tick turns each
        // new one into a line without hooking into the SDK.
        var tick = TimeSpan.FromMilliseconds(500);
        var sinceReport = TimeSpan.Zero;
        var linked = 0L;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(tick, timeProvider, stoppingToken);
                if (metrics.Linked > linked)
                {
                    linked = metrics.Linked;
                    if (settings.Verbose)
                    {
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{settings.Organization}] DUPLICATE    caught by the hub: a household typed here is already on file, linked to its number ({linked} so far)"));
                    }
                }

                sinceReport += tick;
                if (sinceReport >= settings.ReportInterval)
                {
                    sinceReport = TimeSpan.Zero;
                    output.WriteLine(Counts());
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: the last counts are printed by StopAsync.
        }
    }

    private void OnFlow(FlowEvent e)
    {
        if (e.Kind == FlowKinds.ReceivedRadiation && e.Detail == "BAIL")
        {
            Interlocked.Increment(ref radiatedByLease);
        }

        if (!settings.Verbose)
        {
            return;
        }

        var line = e.Kind switch
        {
            FlowKinds.Registered => $"typed        {e.Reference} (registration queued for the hub)",
            FlowKinds.Updated => $"updated      {e.Reference} ({e.Detail})",
            FlowKinds.Renewed => $"renewed      {e.Reference}",
            FlowKinds.Radiated => $"radiated     {e.Reference} ({e.Detail})",
            FlowKinds.LeaseSigned => $"LEASE SIGNED {e.Reference} dwelling {e.Detail}: queued for the hub, which radiates the household everywhere",
            FlowKinds.Received => $"received     {e.Number} as {e.Reference}",
            FlowKinds.ReceivedRadiation => e.Detail == "BAIL"
                ? $"RADIATED     {e.Number} ({e.Reference}): attributed by another landlord (BAIL)"
                : $"radiated     {e.Number} ({e.Reference}) by the hub ({e.Detail})",
            FlowKinds.Refused => $"REFUSED      {e.Number}: dead-lettered",
            _ => null,
        };
        if (line is not null)
        {
            output.WriteLine($"[{settings.Organization}] {line}");
        }
    }
}
