namespace Interop.Adapters.Sdk.State;

/// <summary>
/// The adapter's state is already open in another store, in this process or another one: two adapters on one
/// state interleave their markers and links and corrupt the sync without a word. The message names the state
/// (a file's path, a database) and, when known, who holds it; the SDK's hosts print it as one line on standard
/// error and exit with <see cref="CommandLine.AdapterCommandLine.StateInUse"/>.
/// </summary>
public sealed class AdapterStateInUseException : Exception
{
    /// <summary>The state is held; <paramref name="message"/> names it and its holder.</summary>
    public AdapterStateInUseException(string message)
        : base(message)
    {
    }

    /// <summary>The state is held, as <paramref name="innerException"/> (the operating system's or the database's answer) says.</summary>
    public AdapterStateInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The state is held (no details).</summary>
    public AdapterStateInUseException()
    {
    }
}
