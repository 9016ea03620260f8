using Serilog.Events;

namespace Interop.Testing;

/// <summary>One captured log event: its level, template and everything it would print.</summary>
public sealed record CapturedLog(LogEventLevel Level, string Template, string Text);
