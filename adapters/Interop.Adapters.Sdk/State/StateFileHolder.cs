using System.Globalization;
using System.Text;

namespace Interop.Adapters.Sdk.State;

/// <summary>
/// Who holds a state file, as the holder writes it into the companion file <c>{state}.holder</c>: its process id,
/// its machine and since when (UTC), one line each. A refused opener reads it back to name the holder, as the SQL
/// adapter's refusal names the session holding its lock.
/// </summary>
internal sealed record StateFileHolder(int ProcessId, string Machine, DateTimeOffset Since)
{
    private const string SinceFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>This process, from now.</summary>
    public static StateFileHolder OfThisProcess(TimeProvider timeProvider) =>
        new(Environment.ProcessId, Environment.MachineName, timeProvider.GetUtcNow());

    /// <summary>The holder that <paramref name="holderPath"/> names, or null when it is absent, unreadable or not a holder's text.</summary>
    public static StateFileHolder? TryRead(string holderPath)
    {
        try
        {
            return Parse(File.ReadAllText(holderPath, Encoding.UTF8));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The holder in a companion file's text, or null when it does not name one whole.</summary>
    public static StateFileHolder? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n', StringSplitOptions.TrimEntries);
        return lines.Length >= 3
            && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var processId) && processId > 0
            && lines[1].Length > 0
            && DateTimeOffset.TryParseExact(lines[2], SinceFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            ? new StateFileHolder(processId, lines[1], since)
            : null;
    }

    /// <summary>
    /// Writes this holder to <paramref name="holderPath"/>: into a temporary file beside it (its owner's only, as
    /// the state is), then renamed over it, so a reader sees the previous text or this one, never half of it.
    /// </summary>
    public void Write(string holderPath)
    {
        var temporary = holderPath + ".tmp";
        using (var stream = PrivateFile.Create(temporary, FileOptions.None))
        {
            stream.Write(Encoding.UTF8.GetBytes(string.Create(
                CultureInfo.InvariantCulture,
                $"{ProcessId}\n{Machine}\n{Since.UtcDateTime.ToString(SinceFormat, CultureInfo.InvariantCulture)}\n")));
        }

        File.Move(temporary, holderPath, overwrite: true);
    }

    /// <summary>As a refusal names it: <c>pid 1234 on erp-host since 2026-12-01 08:30:00Z</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"pid {ProcessId} on {Machine} since {Since:u}");
}
