using Google.Protobuf;

namespace Interop.Cli.Output;

/// <summary>Protobuf JSON (the canonical mapping, field names in lowerCamelCase), one message per line, for scripts.</summary>
internal static class JsonOutput
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    public static void WriteLine(IMessage message) => Console.Out.WriteLine(Formatter.Format(message));
}
