using System.Globalization;

namespace Interop.NationalExchange.Progress;

/// <summary>
/// Shows a run's progress to the person or the log watching it: on a terminal, one bar redrawn in
/// place at most five times a second (percentage, count, lines per second); otherwise (a log, a
/// pipe, a test reading the output) a plain line each 5 % and at the end, so a log is not flooded
/// with carriage returns.
/// </summary>
public sealed class ConsoleProgress(TextWriter output, bool interactive, TimeProvider? time = null) : IProgress<ExchangeProgress>
{
    private const int BarWidth = 30;
    private const int PlainStepPercent = 5;
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(200);
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private string? stage;
    private long started;
    private long lastDrawn;
    private int lastPercent = -1;

    /// <summary>For a terminal when standard error is one (where the progress goes), plain lines otherwise.</summary>
    public static ConsoleProgress ForStandardError() => new(Console.Error, interactive: !Console.IsErrorRedirected);

    /// <inheritdoc />
    public void Report(ExchangeProgress value)
    {
        var now = clock.GetTimestamp();
        if (value.Stage != stage)
        {
            stage = value.Stage;
            started = now;
            lastDrawn = 0;
            lastPercent = -1;
        }

        var percent = (int)(value.Fraction * 100);
        var finished = value.Done >= value.Total;
        if (interactive)
        {
            if (!finished && lastDrawn != 0 && clock.GetElapsedTime(lastDrawn, now) < RedrawEvery)
            {
                return;
            }

            lastDrawn = now;
            var filled = (int)(value.Fraction * BarWidth);
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r{value.Stage,-6} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {percent,3} % {value.Done,12:N0}/{value.Total:N0} {Rate(value.Done, now),10:N0}/s"));
            if (finished)
            {
                output.WriteLine();
            }

            output.Flush();
            return;
        }

        var step = finished ? 100 : percent / PlainStepPercent * PlainStepPercent;
        if (step <= lastPercent)
        {
            return;
        }

        lastPercent = step;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{value.Stage}: {step} % ({value.Done}/{value.Total}, {Rate(value.Done, now):F0}/s)"));
        output.Flush();
    }

    private double Rate(long done, long now)
    {
        var seconds = clock.GetElapsedTime(started, now).TotalSeconds;
        return seconds <= 0 ? 0 : done / seconds;
    }
}
