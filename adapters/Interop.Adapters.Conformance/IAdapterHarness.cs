using Interop.Adapters.Sdk.State;

namespace Interop.Adapters.Conformance;

/// <summary>
/// What an integrator writes to run the conformance kit on an adapter: start and stop it, write to its ERP
/// side as the landlord's desks do, and read its ERP side. One harness per test: a fresh ERP and a fresh
/// adapter state, kept across the restarts the test asks for (as a real deployment keeps its database and
/// its state across a crash).
/// </summary>
public interface IAdapterHarness : IAsyncDisposable
{
    /// <summary>The command line of a valid configuration for <paramref name="landlord"/> (the kit breaks it one way at a time).</summary>
    IReadOnlyList<string> CommandLine(ConformanceLandlord landlord);

    /// <summary>
    /// Runs the adapter's command line with <paramref name="args"/>, which the kit made invalid; returns its exit code
    /// and what it wrote to standard error. An invalid configuration must end at once, with a clear line and no adapter started.
    /// </summary>
    Task<(int ExitCode, string Error)> RunInvalidCommandLineAsync(IReadOnlyList<string> args);

    /// <summary>Starts the adapter for <paramref name="landlord"/>, or starts it again over the same ERP and state after a stop or a crash.</summary>
    Task StartAsync(ConformanceLandlord landlord);

    /// <summary>Stops the adapter gracefully (finish the change in hand, store the checkpoint).</summary>
    Task StopAsync();

    /// <summary>Ends the adapter as abruptly as the harness can: kill -9 of its process, or tearing its host down without its graceful stop.</summary>
    Task CrashAsync();

    /// <summary>A desk types a new household into the ERP; returns the ERP's record id.</summary>
    Task<string> TypeAsync(ConformanceHousehold household);

    /// <summary>A desk changes the household's monthly income in the ERP.</summary>
    Task UpdateIncomeAsync(string recordId, int monthlyIncome);

    /// <summary>
    /// The landlord signs <paramref name="lease"/> with the household of <paramref name="recordId"/>: the ERP records it as
    /// its lease module does (the adapter pushes it as an attribution). The kit also gives it records the hub never
    /// received, and dates in the future: the adapter must dead-letter those, not stop.
    /// </summary>
    Task SignLeaseAsync(string recordId, ConformanceLease lease);

    /// <summary>
    /// The landlord corrects the lease it signed with the household of <paramref name="recordId"/> into <paramref name="lease"/>,
    /// as its ERP corrects one (an update of the lease row). By default the corrected lease is recorded as a new signing, as
    /// an ERP that keeps no lease rows (one file per lease) sends it again.
    /// </summary>
    Task CorrectLeaseAsync(string recordId, ConformanceLease lease) => SignLeaseAsync(recordId, lease);

    /// <summary>The hub's number the ERP side linked to its record, or null while it has none.</summary>
    Task<string?> NumberOfAsync(string recordId);

    /// <summary>The ERP's records of hub number <paramref name="number"/> (an ERP that receives one file per change: one per change).</summary>
    Task<IReadOnlyList<ErpRecord>> ReadByNumberAsync(string number);

    /// <summary>The adapter's dead letters.</summary>
    Task<IReadOnlyList<DeadLetter>> DeadLettersAsync();

    /// <summary>
    /// With the adapter stopped, makes it read again the ERP changes it has pushed already, as a restored backup
    /// of its checkpoint does (put its outbound marker back to the start; an ERP of files drops its exports again).
    /// </summary>
    Task RewindAsync();

    /// <summary>How the ERP spells contract code <paramref name="contractCode"/> of mapping table <paramref name="table"/> (from its own documentation).</summary>
    string ErpCode(string table, string contractCode);
}
