using Interop.Hub.Core.Applications;
using Interop.Hub.Feed;
using Interop.Hub.Storage.Changes;
using Interop.Hub.Storage.Feed;

namespace Interop.Hub.Tests.Feed;

/// <summary>
/// The fan-out's window keeps each change with the application as read with its page; a newer state read
/// later (an erasure above all) must replace it in the earlier entries, or a stream behind would still
/// receive the household after its erasure, or an older state than the contract's "as it is when delivered".
/// </summary>
public sealed class FeedWindowErasureTests
{
    [Fact]
    public void AnErasureInANewPage_TakesTheApplicationOutOfItsEarlierEntries_AndOnlyOutOfThose()
    {
        var window = FeedWindow.NotReady with { Ready = true, Start = 0 };
        window = window.Append([Entry(1, "A", ChangeKind.Registered), Entry(2, "B", ChangeKind.Registered), Entry(3, "A", ChangeKind.Updated)], capacity: 10);
        Assert.NotNull(window.Entries[0].WithState.ApplicationState);

        window = window.Append([Entry(4, "A", ChangeKind.Erased, state: false)], capacity: 10);

        Assert.All(window.Entries.Where(e => e.Change.ApplicationNumber == "A"), e =>
        {
            Assert.Null(e.State);
            Assert.Null(e.WithState.ApplicationState);
        });
        var other = Assert.Single(window.Entries, e => e.Change.ApplicationNumber == "B");
        Assert.NotNull(other.State);
        Assert.NotNull(other.WithState.ApplicationState);
        Assert.Equal([1L, 2, 3, 4], window.Entries.Select(e => e.ChangeSeq));
    }

    [Fact]
    public void ANewerStateInANewPage_IsTheStateEveryEarlierEntryOfThatApplicationCarries()
    {
        var window = FeedWindow.NotReady with { Ready = true, Start = 0 };
        window = window.Append([Entry(1, "A", ChangeKind.Radiated), Entry(2, "B", ChangeKind.Registered)], capacity: 10);
        Assert.Equal(1, window.Entries[0].WithState.ApplicationState.Revision);

        window = window.Append([Entry(3, "A", ChangeKind.Reactivated)], capacity: 10);

        Assert.Equal([3L, 3], window.Entries.Where(e => e.Change.ApplicationNumber == "A").Select(e => e.WithState.ApplicationState.Revision));
        Assert.Equal(2, window.Entries.Single(e => e.Change.ApplicationNumber == "B").WithState.ApplicationState.Revision);
    }

    [Fact]
    public void AtCapacity_TheEntriesLeftAreTheOnesANewerStateReaches_PageAfterPage()
    {
        var window = FeedWindow.NotReady with { Ready = true, Start = 0 };
        foreach (var (seq, number) in new[] { (1L, "A"), (2L, "B"), (3L, "A"), (4L, "C"), (5L, "B"), (6L, "D"), (7L, "E") })
        {
            window = window.Append([Entry(seq, number, ChangeKind.Updated)], capacity: 3);
        }

        // 1 to 4 have left the window: A has no entry left, B has 5 only.
        Assert.Equal(4, window.Start);
        Assert.Equal([5L, 6, 7], window.Entries.Select(e => e.ChangeSeq));

        window = window.Append([Entry(8, "A", ChangeKind.Erased, state: false), Entry(9, "B", ChangeKind.Erased, state: false)], capacity: 3);

        Assert.Equal([7L, 8, 9], window.Entries.Select(e => e.ChangeSeq));
        Assert.NotNull(window.Entries[0].State);
        window = window.Append([Entry(10, "E", ChangeKind.Erased, state: false)], capacity: 3);
        Assert.Equal([8L, 9, 10], window.Entries.Select(e => e.ChangeSeq));
        Assert.All(window.Entries, e => Assert.Null(e.WithState.ApplicationState));
    }

    [Fact]
    public void ANewerState_ReachesEveryEarlierEntryOfItsApplication_AcrossPages()
    {
        var window = FeedWindow.NotReady with { Ready = true, Start = 0 };
        window = window.Append([Entry(1, "A", ChangeKind.Registered), Entry(2, "B", ChangeKind.Registered)], capacity: 10);
        window = window.Append([Entry(3, "A", ChangeKind.Updated), Entry(4, "C", ChangeKind.Registered)], capacity: 10);
        window = window.Append([Entry(5, "A", ChangeKind.Renewed)], capacity: 10);

        Assert.Equal([5L, 5, 5], window.Entries.Where(e => e.Change.ApplicationNumber == "A").Select(e => e.WithState.ApplicationState.Revision));
        Assert.Equal([2L, 4], window.Entries.Where(e => e.Change.ApplicationNumber != "A").Select(e => e.WithState.ApplicationState.Revision));
    }

    private static FeedEntry Entry(long seq, string number, string kind, bool state = true) =>
        FeedEntry.Create(
            new FeedChange
            {
                ChangeId = Guid.NewGuid(), ChangeSeq = seq, Kind = kind, ApplicationNumber = number, Revision = seq,
                OccurredAt = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc), Actor = "bailleur-a", Departement = "14", RegisteringDesk = "B0001",
            },
            state
                ? new ApplicationRecord
                {
                    Number = number, Departement = "14", RegisteringDesk = "B0001", Revision = seq,
                    FiledDate = new DateOnly(2026, 1, 5), ExpiryDate = new DateOnly(2027, 1, 5),
                }
                : null);
}
