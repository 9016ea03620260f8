using System.Globalization;

namespace Interop.Testing;

/// <summary>Finds a process this program started, by a piece of its command line, through /proc (Linux).</summary>
public static class ProcessLookup
{
    /// <summary>The id of a child of this process whose command line holds <paramref name="commandLinePart"/> (e.g. <c>Interop.Hub.dll</c>), or null.</summary>
    public static int? FindChild(string commandLinePart)
    {
        try
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    && IsChild(directory, commandLinePart))
                {
                    return id;
                }
            }
        }
        catch (IOException)
        {
            // No /proc: not Linux.
        }

        return null;
    }

    private static bool IsChild(string directory, string commandLinePart)
    {
        try
        {
            // Field 4 of stat is the parent's id; the name before it may hold spaces, so count from its ')'.
            var stat = File.ReadAllText(Path.Combine(directory, "stat"));
            var parent = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1];
            return parent == Environment.ProcessId.ToString(CultureInfo.InvariantCulture)
                && File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(commandLinePart, StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
