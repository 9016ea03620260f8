using Interop.Testing;

namespace Interop.Feed.Benchmarks;

/// <summary>The hub process's resident memory, sampled through a phase for its peak.</summary>
internal sealed class HubMemory(ExternalHubProcess hub)
{
    public int Pid => hub.ProcessId;

    /// <summary>VmRSS in MiB.</summary>
    public double RssMiB() => hub.ResidentMiB().Now;

    /// <summary>Samples RSS every 100 ms until <paramref name="stop"/> fires; returns the peak.</summary>
    public async Task<double> PeakAsync(CancellationToken stop)
    {
        var peak = RssMiB();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
            }

            peak = Math.Max(peak, RssMiB());
        }

        return peak;
    }
}
