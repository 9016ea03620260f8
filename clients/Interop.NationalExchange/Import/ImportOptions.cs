using Interop.NationalExchange.Progress;
using Microsoft.Extensions.Logging;

namespace Interop.NationalExchange.Import;

/// <summary>Settings of the import of return files.</summary>
public sealed class ImportOptions
{
    /// <summary>The exchange's folder (required), the export's: <c>import-state.json</c> and <c>national-ledger.db</c> are kept there.</summary>
    public string Directory { get; set; } = "";

    /// <summary>
    /// Told where the run stands as it goes (for a progress bar, <see cref="ConsoleProgress"/>);
    /// called on the run's own flow, so it must be quick. Default: nobody.
    /// </summary>
    public IProgress<ExchangeProgress>? Progress { get; set; }

    /// <summary>Where the import logs (category <c>Interop.NationalExchange</c>); default: no logs.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>A test hook run after each line is applied, with its position: a crash there is what the rerun must survive.</summary>
    internal Func<long, Task>? AfterLine { get; set; }
}
