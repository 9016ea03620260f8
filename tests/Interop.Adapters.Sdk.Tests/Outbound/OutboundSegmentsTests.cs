using Interop.Adapters.Sdk.Outbound;

namespace Interop.Adapters.Sdk.Tests.Outbound;

/// <summary>What the outbound path may push together: registrations of distinct records; anything else alone, in journal order.</summary>
public sealed class OutboundSegmentsTests
{
    [Fact]
    public void RegistrationsOfDistinctRecords_GoTogether_AndAnUpdateWaitsAlone_ForTheRegistrationsBeforeIt()
    {
        var batch = Changes(("r1", ErpChangeKind.Register), ("r2", ErpChangeKind.Register), ("r3", ErpChangeKind.Register), ("r1", ErpChangeKind.Update), ("r4", ErpChangeKind.Register));

        var segments = OutboundWorker.Segments(batch, concurrency: 4).Select(s => string.Join(",", s.Select(c => c.ChangeId))).ToList();

        Assert.Equal(["1,2,3", "4", "5"], segments);
    }

    [Fact]
    public void TheSameRecordTwice_StartsANewSegment()
    {
        var batch = Changes(("r1", ErpChangeKind.Register), ("r2", ErpChangeKind.Register), ("r1", ErpChangeKind.Register), ("r3", ErpChangeKind.Register));

        var segments = OutboundWorker.Segments(batch, concurrency: 4).Select(s => string.Join(",", s.Select(c => c.ChangeId))).ToList();

        Assert.Equal(["1,2", "3,4"], segments);
    }

    [Fact]
    public void WithoutConcurrency_EveryChangeGoesAlone()
    {
        var batch = Changes(("r1", ErpChangeKind.Register), ("r2", ErpChangeKind.Register), ("r2", ErpChangeKind.Radiate));

        Assert.All(OutboundWorker.Segments(batch, concurrency: 1), segment => Assert.Single(segment));
        Assert.Equal(3, OutboundWorker.Segments(batch, concurrency: 1).Count());
    }

    private static List<ErpChange> Changes(params (string Record, ErpChangeKind Kind)[] changes) =>
        [.. changes.Select((c, i) => new ErpChange { ChangeId = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ErpRecordId = c.Record, Kind = c.Kind, Marker = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) })];
}
