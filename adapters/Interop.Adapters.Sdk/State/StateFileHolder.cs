using System.Globalization;
using System.Text;

namespace Interop.Adapters.Sdk.State;

/// <summary>
/// Who holds a state file, as the holder writes it into the lock file: its process id alone on the first line (a
/// pid file: <c>kill $(head -1 state.json.lock)</c>), then its machine and since when (UTC). A refused opener reads
/// it back to name the holder, as the SQL adapter's refusal names the session holding its lock.
/// </summary>
internal sealed record StateFileHolder(int ProcessId, string? Machine, DateTimeOffset? Since)
{
    private const string SinceFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>This process, from now.</summary>
    public static StateFileHolder OfThisProcess(TimeProvider timeProvider) =>
        new(Environment.ProcessId, Environment.MachineName, timeProvider.GetUtcNow());

    /// <summary>
    /// The holder in a lock file's text, or null when it names none: empty (the holder has not written it yet), or
    /// not a lock file's text. An SDK before 0.3.0 wrote the process id alone; the rest is then unknown.
    /// </summary>
    public static StateFileHolder? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n', StringSplitOptions.TrimEntries);
        if (!int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var processId) || processId <= 0)
        {
            return null;
        }

        var machine = lines.Length > 1 && lines[1].Length > 0 ? lines[1] : null;
        DateTimeOffset? since = lines.Length > 2
            && DateTimeOffset.TryParseExact(lines[2], SinceFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
        return new StateFileHolder(processId, machine, since);
    }

    /// <summary>The lock file's text: one line each for the process id, the machine and since when.</summary>
    public byte[] ToLockFileText() =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{ProcessId}\n{Machine}\n{Since?.UtcDateTime.ToString(SinceFormat, CultureInfo.InvariantCulture)}\n"));

    /// <summary>As a refusal names it: <c>pid 1234 on erp-host since 2026-12-01 08:30:00Z</c>, without what is unknown.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"pid {ProcessId}"));
        if (Machine is { } machine)
        {
            text.Append(" on ").Append(machine);
        }

        if (Since is { } since)
        {
            text.Append(CultureInfo.InvariantCulture, $" since {since:u}");
        }

        return text.ToString();
    }
}
