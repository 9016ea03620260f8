using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Interop.Testing;

/// <summary>
/// Every log event of one in-process hub, rendered as the console would print it (message,
/// properties and exception), registered as a Serilog sink of that hub's logger.
/// </summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<CapturedLog> events = new();

    /// <summary>Every event so far, in order.</summary>
    public IReadOnlyList<CapturedLog> Events => [.. events];

    /// <summary>Events at Error or above.</summary>
    public IReadOnlyList<CapturedLog> Errors => [.. events.Where(e => e.Level >= LogEventLevel.Error)];

    public void Emit(LogEvent logEvent)
    {
        using var text = new StringWriter();
        logEvent.RenderMessage(text);
        foreach (var (name, value) in logEvent.Properties)
        {
            text.Write($" {name}={value}");
        }

        if (logEvent.Exception is not null)
        {
            text.Write(" " + logEvent.Exception);
        }

        events.Enqueue(new CapturedLog(logEvent.Level, logEvent.MessageTemplate.Text, text.ToString()));
    }
}
