using System.CommandLine;

namespace Interop.Cli.Applications;

/// <summary>Arguments and options several application commands share, so they read the same in every <c>--help</c>.</summary>
internal static class ApplicationOptions
{
    public static Argument<string> Number() => new("NUMBER") { Description = "The application's number (numéro unique), or applications/NUMBER." };

    public static Option<string> File(bool required) => new("--file", "-f")
    {
        Description = "The household as protobuf JSON of interop.v1.Application; - reads standard input.",
        HelpName = "FILE",
        Required = required,
    };

    public static Option<long> ExpectedRevision() => new("--expected-revision")
    {
        Description = "The revision you read (get shows it); the hub refuses the change with ABORTED (REVISION_MISMATCH) if it moved since.",
        HelpName = "N",
        Required = true,
    };

    public static Option<string?> RequestId() => new("--request-id")
    {
        Description = "Idempotency key (a UUID) to reuse when retrying the same change; a fresh one by default.",
        HelpName = "UUID",
    };

    public static string RequestIdOf(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { Length: > 0 } given ? given : Guid.NewGuid().ToString();
}
