using Interop.Adapters.Sdk.State;

namespace Interop.Adapters.Sdk.Tests.State;

/// <summary>
/// A store that runs an action of the test in the middle of a dead letter's removal: what another worker or
/// process does at that moment. Written before the per-record query, so that query is the interface's default.
/// </summary>
internal sealed class InterleavingStateStore(IAdapterStateStore inner) : StateStoreWrittenBeforeTheQuery(inner)
{
    private Func<Task>? whileRemoving;

    /// <summary>Runs <paramref name="interleaved"/> once, inside the next <see cref="RemoveDeadLetterAsync"/>, after the removal.</summary>
    public void OnNextRemoval(Func<Task> interleaved) => whileRemoving = interleaved;

    public override async ValueTask<bool> RemoveDeadLetterAsync(Guid id, CancellationToken cancellationToken)
    {
        var removed = await base.RemoveDeadLetterAsync(id, cancellationToken);
        if (Interlocked.Exchange(ref whileRemoving, null) is { } interleaved)
        {
            await interleaved();
        }

        return removed;
    }
}
