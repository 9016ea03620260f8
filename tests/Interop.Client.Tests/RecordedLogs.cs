using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Interop.Client.Tests;

/// <summary>A logger factory that keeps the event ids the library logs, to see that a reconnection or a retry happened.</summary>
public sealed class RecordedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(EventId Id, string Message)> events = new();

    public RecordedLogs() => Factory = LoggerFactory.Create(builder => builder.AddProvider(this).SetMinimumLevel(LogLevel.Debug));

    public ILoggerFactory Factory { get; }

    public int Count(int eventId) => events.Count(e => e.Id.Id == eventId);

    public IReadOnlyList<string> Messages => events.Select(e => e.Message).ToList();

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName == "Interop.Client" ? events : null);

    public void Dispose()
    {
    }

    private sealed class Recorder(ConcurrentQueue<(EventId, string)>? events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => events is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            events?.Enqueue((eventId, formatter(state, exception)));
    }
}
