namespace Interop.Cli.CommandLine;

/// <summary>
/// What <c>interop</c> exits with, so scripts can tell a refusal they must read
/// from a hub they must wait for. Listed in the root <c>--help</c> and the README.
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The hub answered with a refusal (any gRPC status but the ones below); also an unexpected failure of the CLI itself.</summary>
    public const int Refused = 1;

    /// <summary>The command line was not understood, or an input file is missing or malformed.</summary>
    public const int Usage = 2;

    /// <summary>The hub could not be reached, or stayed unavailable after the retries.</summary>
    public const int Unreachable = 3;

    /// <summary>
    /// UNAUTHENTICATED or PERMISSION_DENIED: the key is wrong, expired, revoked or not allowed.
    /// Its own code because the fix is a different key, not different data.
    /// </summary>
    public const int AccessDenied = 4;

    /// <summary>Stopped by Ctrl-C (SIGINT) or SIGTERM, 128 + 2 as shells report it.</summary>
    public const int Interrupted = 130;

    public const string HelpText =
        "Exit codes: 0 ok; 1 refused by the hub (any gRPC answer, the reason on stderr; also an unexpected failure); 2 usage error " +
        "(unknown command or option, bad value, missing or malformed input file); 3 hub unreachable or unavailable " +
        "after retries; 4 unauthenticated or permission denied (a key problem); 130 interrupted (Ctrl-C).";
}
