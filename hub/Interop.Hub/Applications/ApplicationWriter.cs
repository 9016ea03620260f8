using Interop.Hub.Access;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Errors;
using Interop.Hub.Registry;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Audit;
using Interop.Hub.Storage.Changes;
using Npgsql;

namespace Interop.Hub.Applications;

/// <summary>
/// The one write path of an existing application, for the gRPC services and
/// the hub's jobs alike, inside the caller's transaction: lock the row, check
/// the caller may see (and change) it and expects its current revision, write
/// it one revision up, append its change record and audit the caller's change.
/// Every writer of an application locks its row first, so writers of one
/// application queue there and each sees the last one's result.
/// </summary>
internal sealed class ApplicationWriter(ApplicationStore applications, ChangeLog changes, AuditTrail audit)
{
    /// <summary>How the new state reaches the row: an update, or an erasure that also keeps statistics.</summary>
    public delegate Task Store(NpgsqlTransaction transaction, ApplicationRecord written, CancellationToken cancellationToken);

    /// <summary>Locks the application's row until the transaction ends; null if there is no such application.</summary>
    public Task<ApplicationRecord?> LockAsync(NpgsqlTransaction transaction, string number, CancellationToken cancellationToken) =>
        applications.GetForUpdateAsync(transaction, number, cancellationToken);

    /// <summary>Locks the application and checks the caller may see it; a refusal says nothing of whether it exists.</summary>
    public async Task<ApplicationRecord> LockVisibleAsync(
        NpgsqlTransaction transaction, Principal principal, string number, CancellationToken cancellationToken)
    {
        var application = await LockAsync(transaction, number, cancellationToken);
        if (application is null || !AccessPolicy.CanRead(principal.Organization, application))
        {
            throw Denials.ApplicationNotVisible(principal, ApplicationMapper.ResourceName(number));
        }

        return application;
    }

    /// <summary>
    /// Locks and returns the application if the caller may change it and it is
    /// at the expected revision. Access is checked before the revision, so a
    /// refused caller learns nothing, not even the current revision.
    /// </summary>
    public async Task<ApplicationRecord> LockForChangeAsync(
        NpgsqlTransaction transaction, Principal principal, string number, long expectedRevision, ChangeRight right,
        CancellationToken cancellationToken)
    {
        var current = await LockVisibleAsync(transaction, principal, number, cancellationToken);
        if (!right.Allows(principal.Organization, current))
        {
            throw Denials.NotAllowed(principal, right.Refusal);
        }

        RequireRevision(current, expectedRevision);
        return current;
    }

    /// <summary>
    /// ABORTED with the current revision. Separate from the lock for calls that
    /// check their own rules first (a landlord beaten to a lease is told who
    /// holds it rather than to read again).
    /// </summary>
    public static void RequireRevision(ApplicationRecord current, long expectedRevision)
    {
        if (current.Revision != expectedRevision)
        {
            throw new RevisionMismatchException(ApplicationMapper.ResourceName(current.Number), expectedRevision, current.Revision);
        }
    }

    /// <summary>
    /// Writes <paramref name="changed"/> one revision above the locked
    /// <paramref name="current"/>, appends the change record with the details
    /// of the written state, and audits the author's change.
    /// </summary>
    /// <param name="store">How the row is written; an update unless given.</param>
    /// <returns>The state as written, with its new revision.</returns>
    public async Task<ApplicationRecord> WriteAsync(
        NpgsqlTransaction transaction, ChangeAuthor author, ApplicationRecord current, ApplicationRecord changed, string kind,
        Func<ApplicationRecord, object?> details, DateTimeOffset now, CancellationToken cancellationToken, Store? store = null)
    {
        var written = changed with { Revision = current.Revision + 1, UpdatedAt = now };
        await (store ?? applications.UpdateAsync)(transaction, written, cancellationToken);
        await RecordAsync(transaction, author, written, current, kind, details(written), now, cancellationToken);
        return written;
    }

    /// <summary>
    /// Appends the change record of an application just written (a new one has
    /// no <paramref name="previous"/> state) and audits the author's change, in
    /// the same transaction, so neither exists without the other nor without
    /// the change itself.
    /// </summary>
    public async Task RecordAsync(
        NpgsqlTransaction transaction, ChangeAuthor author, ApplicationRecord written, ApplicationRecord? previous, string kind,
        object? details, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await changes.AppendAsync(transaction, written, previous, kind, author.Actor, author.RequestId, now, details, cancellationToken);
        if (author.AuditEntryFor(written.Number) is { } entry)
        {
            await audit.AppendAsync(transaction, [entry], now, cancellationToken);
        }
    }

    /// <summary>
    /// <see cref="RecordAsync"/> for many new applications of one transaction (a batch of registrations):
    /// their change records in one statement, in the order given (the feed's order), and their authors'
    /// audit records in another.
    /// </summary>
    public async Task RecordNewAsync(
        NpgsqlTransaction transaction, IReadOnlyList<(ChangeAuthor Author, ApplicationRecord Written)> created, string kind,
        Func<ApplicationRecord, object?> details, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await changes.AppendManyAsync(
            transaction,
            created.Select(c => new AppendedChange(c.Written, null, kind, c.Author.Actor, c.Author.RequestId, details(c.Written))).ToList(),
            now,
            cancellationToken);
        await audit.AppendAsync(
            transaction, created.Select(c => c.Author.AuditEntryFor(c.Written.Number)).OfType<AuditEntry>().ToList(), now, cancellationToken);
    }
}
