namespace Interop.Adapters.Files.Inbox;

/// <summary>
/// Which exports of the inbox have settled: their size and last-write time unchanged for the settle time,
/// seen across the inbox's polls. Many ERP schedulers write their export in place, in bursts; a file read
/// while it is written gives refused lines, or a partial import whose rest is never read (the file moves to
/// <c>done/</c> under the writer).
/// </summary>
/// <remarks>
/// The quiet time counts from the first poll that saw the current size and time, or from the last-write time
/// itself when it is older: an export written elsewhere and renamed into the inbox (the documented way) keeps
/// the time it was written, so once that is a settle time ago it is taken at the second look (one poll later)
/// rather than a settle time after it arrived. Two looks with the same size and time are always required, so a
/// file system that updates the last-write time lazily (a share) still shows a growing file by its size.
/// </remarks>
internal sealed class SettledFiles(TimeProvider timeProvider, TimeSpan settleTime)
{
    private readonly Dictionary<string, (long Size, DateTime Written, DateTimeOffset FirstSeen)> seen = new(StringComparer.Ordinal);

    /// <summary>The files of <paramref name="paths"/> that have settled, in their order; forgets files no longer there.</summary>
    public IReadOnlyList<string> Of(IReadOnlyList<string> paths)
    {
        foreach (var gone in seen.Keys.Except(paths, StringComparer.Ordinal).ToList())
        {
            seen.Remove(gone);
        }

        // Every file looked at on every poll, so one still being written does not hold the others back.
        return [.. paths.Where(HasSettled)];
    }

    /// <summary>Forgets a file handled and moved away (a new export may come under its name).</summary>
    public void Forget(string path) => seen.Remove(path);

    private bool HasSettled(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            seen.Remove(path);
            return false;
        }

        var now = timeProvider.GetUtcNow();
        var (size, written) = (file.Length, file.LastWriteTimeUtc);
        if (!seen.TryGetValue(path, out var before) || before.Size != size || before.Written != written)
        {
            seen[path] = (size, written, now);
            return settleTime <= TimeSpan.Zero;
        }

        var writtenAt = new DateTimeOffset(written, TimeSpan.Zero);
        var quietSince = writtenAt < before.FirstSeen ? writtenAt : before.FirstSeen;
        return now - quietSince >= settleTime;
    }
}
