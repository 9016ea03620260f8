using Grpc.Core;
using Interop.Client;

namespace Interop.Cli.CommandLine;

/// <summary>
/// Turns whatever stopped a command into one readable line on stderr and its exit code:
/// <c>interop: INVALID_ARGUMENT (INVALID_ARGUMENT): application.applicant.birth_date: …; …</c>.
/// The key never appears: nothing here formats settings.
/// </summary>
internal static class ErrorReport
{
    public static int Write(Exception exception, bool interrupted, Uri? hub = null)
    {
        var (exitCode, line) = Describe(exception, interrupted);
        if (exitCode == ExitCodes.Unreachable && hub is not null)
        {
            line = $"hub {hub} unreachable or unavailable: {line}";
        }

        Console.Error.WriteLine("interop: " + line);
        return exitCode;
    }

    public static (int ExitCode, string Line) Describe(Exception exception, bool interrupted) => exception switch
    {
        UsageException usage => (ExitCodes.Usage, usage.Message),
        OperationCanceledException when interrupted => (ExitCodes.Interrupted, "interrupted"),
        RpcException { StatusCode: StatusCode.Cancelled } when interrupted => (ExitCodes.Interrupted, "interrupted"),
        RpcException refused => (ExitCodeOf(refused.StatusCode), Line(refused)),
        HttpRequestException unreachable => (ExitCodes.Unreachable, "hub unreachable: " + unreachable.Message),
        IOException or UnauthorizedAccessException => (ExitCodes.Usage, exception.Message),
        // A bug of ours: still one line and a failure code, with what to report.
        _ => (ExitCodes.Refused, $"unexpected failure ({exception.GetType().Name}): {exception.Message}"),
    };

    private static int ExitCodeOf(StatusCode code) => code switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => ExitCodes.Unreachable,
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => ExitCodes.AccessDenied,
        _ => ExitCodes.Refused,
    };

    /// <summary>The status, the hub's reason, then the field violations or the hub's message.</summary>
    private static string Line(RpcException refused)
    {
        var name = StatusName(refused.StatusCode);
        if (refused is not InteropException typed)
        {
            return $"{name}: {OneLine(refused.Status.Detail)}";
        }

        var text = typed switch
        {
            InvalidArgumentException { FieldViolations.Count: > 0 } invalid =>
                string.Join("; ", invalid.FieldViolations.Select(v => $"{v.Field}: {v.Description}")),
            RevisionMismatchException stale =>
                $"{stale.ResourceName} is at revision {stale.CurrentRevision}, not {stale.ExpectedRevision}: read it again and resend with --expected-revision {stale.CurrentRevision} if your change still holds",
            _ => typed.Status.Detail,
        };
        return (typed.Reason.Length > 0 ? $"{name} ({typed.Reason})" : name) + ": " + OneLine(text);
    }

    /// <summary>UNAVAILABLE, INVALID_ARGUMENT…: the names gRPC documents and the contract's error table uses.</summary>
    public static string StatusName(StatusCode code) =>
        string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

    public static string OneLine(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
}
