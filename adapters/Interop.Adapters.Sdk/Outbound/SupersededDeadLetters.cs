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
/// touched.
/// <para>
/// The state store is asked for the record's letters each time (an indexed lookup, nearly always empty), and
/// nothing about them is kept here. A set of "records with letters" kept in memory once was wrong twice: it
/// forgot a record whose last letter it had just removed while another worker stored a new one for it, and it
/// never learnt of a letter another process stored in the same state; either letter stayed listed until a
/// restart.
/// </para>
/// </remarks>
internal sealed class SupersededDeadLetters(IAdapterStateStore state, ILogger logger)
{
    /// <summary>
    /// After the hub accepted <paramref name="accepted"/>: removes the outbound letters of its record it makes
    /// moot. Returns how many were removed.
    /// </summary>
    public async Task<int> ResolveAsync(ErpChange accepted, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var letter in await state.ListOutboundDeadLettersAsync(accepted.ErpRecordId, cancellationToken))
        {
            if (letter.ChangeId != accepted.ChangeId
                && letter.ErpChange is { } stored
                && Supersedes(accepted, StoredErpChange.Deserialize(stored))
                && await state.RemoveDeadLetterAsync(letter.Id, cancellationToken))
            {
                AdapterLog.DeadLetterSuperseded(logger, letter.Id, letter.ChangeId, accepted.ChangeId);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Whether <paramref name="accepted"/> carries all that <paramref name="refused"/>, an earlier change of its record, did.</summary>
    internal static bool Supersedes(ErpChange accepted, ErpChange refused) =>
        accepted.ErpRecordId == refused.ErpRecordId
        && accepted.Kind == refused.Kind
        && (accepted.Kind != ErpChangeKind.Update || refused.ChangedFields.All(field => accepted.ChangedFields.Contains(field, StringComparer.Ordinal)));
}
