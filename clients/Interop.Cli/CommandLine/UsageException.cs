namespace Interop.Cli.CommandLine;

/// <summary>The command line was not understood; the message says how to fix it.</summary>
internal sealed class UsageException(string message) : Exception(message);
