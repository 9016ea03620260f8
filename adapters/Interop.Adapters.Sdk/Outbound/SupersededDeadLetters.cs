using System.Collections.Concurrent;
using Interop.Adapters.Sdk.Diagnostics;
using Interop.Adapters.Sdk.State;
using Microsoft.Extensions.Logging;

namespace Interop.Adapters.Sdk.Outbound;

/// <summary>
/// Removes the outbound dead letters that a later change of the same ERP record, accepted by the hub,
/// makes moot: a lease refused (dated in the future, its household not yet on file), corrected in the
/// ERP and then attributed; a renewal refused and then made again. The operator's list then shows only
/// what is still wrong, and a replay of a moot letter cannot push an old state over the corrected one.
/// </summary>
/// <remarks>
/// A letter is moot when the accepted change is of the same record and the same kind and carries all the
/// refused one did. Every kind but an update carries what its call needs of the record as it is now (the
/// registration, the renewal, the radiation, the lease); an update carries only the fields it names, so
/// it clears a refused update only when it names every field that one did: a refused change of the
/// income stays while only the phone is corrected. Inbound letters (a hub change the ERP refused) are not
/// touched. The records holding outbound letters are read once, then followed in memory, so a change
/// of a record without any costs no read of the state.
/// </remarks>
internal sealed class SupersededDeadLetters(IAdapterStateStore state, ILogger logger)
{
    private readonly ConcurrentDictionary<string, byte> recordsWithLetters = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile bool loaded;

    /// <summary>Notes that <paramref name="change"/> was dead-lettered (after its letter is stored).</summary>
    public void Added(ErpChange change) => recordsWithLetters.TryAdd(change.ErpRecordId, 0);

    /// <summary>
    /// After the hub accepted <paramref name="accepted"/>: removes the outbound letters of its record it makes
    /// moot. Returns how many were removed.
    /// </summary>
    public async Task<int> ResolveAsync(ErpChange accepted, CancellationToken cancellationToken)
    {
        await LoadOnceAsync(cancellationToken);
        if (!recordsWithLetters.ContainsKey(accepted.ErpRecordId))
        {
            return 0;
        }

        var removed = 0;
        var left = 0;
        foreach (var letter in await state.ListDeadLettersAsync(cancellationToken))
        {
            if (letter.Direction != DeadLetterDirection.Outbound || letter.ErpRecordId != accepted.ErpRecordId || letter.ChangeId == accepted.ChangeId)
            {
                continue;
            }

            if (letter.ErpChange is { } stored && Supersedes(accepted, StoredErpChange.Deserialize(stored))
                && await state.RemoveDeadLetterAsync(letter.Id, cancellationToken))
            {
                AdapterLog.DeadLetterSuperseded(logger, letter.Id, letter.ChangeId, accepted.ChangeId);
                removed++;
            }
            else
            {
                left++;
            }
        }

        if (left == 0)
        {
            recordsWithLetters.TryRemove(accepted.ErpRecordId, out _);
        }

        return removed;
    }

    /// <summary>Whether <paramref name="accepted"/> carries all that <paramref name="refused"/>, an earlier change of its record, did.</summary>
    internal static bool Supersedes(ErpChange accepted, ErpChange refused) =>
        accepted.ErpRecordId == refused.ErpRecordId
        && accepted.Kind == refused.Kind
        && (accepted.Kind != ErpChangeKind.Update || refused.ChangedFields.All(field => accepted.ChangedFields.Contains(field, StringComparer.Ordinal)));

    private async Task LoadOnceAsync(CancellationToken cancellationToken)
    {
        if (loaded)
        {
            return;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            if (!loaded)
            {
                foreach (var letter in await state.ListDeadLettersAsync(cancellationToken))
                {
                    if (letter.Direction == DeadLetterDirection.Outbound && letter.ErpRecordId is { } record)
                    {
                        recordsWithLetters.TryAdd(record, 0);
                    }
                }

                loaded = true;
            }
        }
        finally
        {
            loading.Release();
        }
    }
}
