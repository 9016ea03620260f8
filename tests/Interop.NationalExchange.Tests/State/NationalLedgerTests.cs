using Interop.NationalExchange.State;

namespace Interop.NationalExchange.Tests.State;

/// <summary>The national ledger on disk (SQLite): what an import did not commit is not there, and the JSON ledger of earlier versions is taken in once.</summary>
public sealed class NationalLedgerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("interop-ledger-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Open_AfterAnImportThatDidNotCommit_HoldsOnlyWhatWasCommitted()
    {
        using (var ledger = NationalLedger.Open(folder))
        {
            ledger.Begin();
            ledger.Record("0142603B000100001J", new NationalEntry("ACT", null, 1));
            ledger.Commit();
            ledger.Begin();
            ledger.Record("0142603B000100002P", new NationalEntry("ACT", null, 1));
        }

        using var reopened = NationalLedger.Open(folder);
        Assert.Equal(new NationalEntry("ACT", null, 1), reopened.Find("0142603B000100001J"));
        Assert.Null(reopened.Find("0142603B000100002P"));
    }

    [Fact]
    public void Record_AnOlderRevisionAfterALaterOne_KeepsTheLaterOne_ButARadiationElsewhereAlwaysCounts()
    {
        using var ledger = NationalLedger.Open(folder);
        ledger.Record("0142603B000100001J", new NationalEntry("ACT", null, 3));
        ledger.Record("0142603B000100001J", new NationalEntry("ACT", null, 2));
        Assert.Equal(3, ledger.Find("0142603B000100001J")!.Revision);

        ledger.Record("0142603B000100001J", new NationalEntry("RAD", "RADATT", 0));
        Assert.Equal(new NationalEntry("RAD", "RADATT", 0), ledger.Find("0142603B000100001J"));
    }

    [Fact]
    public async Task Open_AFolderWithTheJsonLedgerOfEarlierVersions_TakesItInOnceAndRemovesIt()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, NationalLedger.LegacyFileName), """
            { "entries": { "0142603B000100001J": { "statut": "RAD", "motif": "RADABA", "revision": 2 } } }
            """);

        using var ledger = NationalLedger.Open(folder);

        Assert.Equal(new NationalEntry("RAD", "RADABA", 2), ledger.Find("0142603B000100001J"));
        Assert.False(File.Exists(Path.Combine(folder, NationalLedger.LegacyFileName)));
    }
}
