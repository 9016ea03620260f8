namespace Interop.Feed.Benchmarks;

/// <summary>The hub process's resident memory, read from /proc/&lt;pid&gt;/status.</summary>
internal sealed class HubMemory
{
    private readonly int pid;

    private HubMemory(int pid) => this.pid = pid;

    public int Pid => pid;

    /// <summary>Finds the hub process listening on <paramref name="address"/> by its command line.</summary>
    public static HubMemory Find(Uri address)
    {
        var url = $"{address.Host}:{address.Port}";
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains("Interop.Hub.dll", StringComparison.Ordinal) && commandLine.Contains(url, StringComparison.Ordinal))
                {
                    return new HubMemory(pid);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        throw new InvalidOperationException($"No hub process found listening on {url}.");
    }

    /// <summary>VmRSS in MiB.</summary>
    public double RssMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kib = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                return kib / 1024.0;
            }
        }

        throw new InvalidOperationException("No VmRSS line.");
    }

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
