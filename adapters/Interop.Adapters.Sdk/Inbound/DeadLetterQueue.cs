using Interop.Adapters.Sdk.Diagnostics;
using Interop.Adapters.Sdk.State;
using Interop.Client;
using Interop.Contracts.V1;
using Microsoft.Extensions.Logging;

namespace Interop.Adapters.Sdk.Inbound;

/// <summary>
/// The dead letters of an adapter: list them, and replay an inbound one once the ERP or the
/// configuration is fixed. (A command-line front end comes with the adapter host.)
/// </summary>
public sealed class DeadLetterQueue
{
    private readonly IAdapterStateStore state;
    private readonly InboundApplier applier;
    private readonly InteropClient hub;
    private readonly ILogger logger;

    internal DeadLetterQueue(IAdapterStateStore state, InboundApplier applier, InteropClient hub, ILogger logger)
    {
        this.state = state;
        this.applier = applier;
        this.hub = hub;
        this.logger = logger;
    }

    /// <summary>The dead letters, oldest first.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken = default) =>
        await state.ListDeadLettersAsync(cancellationToken);

    /// <summary>
    /// Applies the inbound dead letter <paramref name="id"/> through the sink again, with the
    /// application's current state read from the hub (the stored one when the hub no longer shows it),
    /// and removes it once applied.
    /// </summary>
    /// <returns>False when no dead letter has this id.</returns>
    /// <exception cref="ErpRefusedException">The ERP refuses it again; the dead letter stays.</exception>
    /// <exception cref="NotSupportedException">An outbound dead letter: replaying those comes later (push the ERP change again from the ERP).</exception>
    public async Task<bool> ReplayAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var deadLetter = (await state.ListDeadLettersAsync(cancellationToken)).FirstOrDefault(d => d.Id == id);
        if (deadLetter is null)
        {
            return false;
        }

        if (deadLetter.Direction != DeadLetterDirection.Inbound || deadLetter.HubChange is null)
        {
            throw new NotSupportedException("Only inbound dead letters can be replayed by the SDK today.");
        }

        var change = Change.Parser.ParseFrom(deadLetter.HubChange);
        try
        {
            change.ApplicationState = await hub.Registry.GetApplicationAsync(new GetApplicationRequest { Name = change.Application }, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is NotFoundException or PermissionDeniedException)
        {
            // Erased or out of sight since: the stored state is all there is.
        }

        await applier.ReplayAsync(change, cancellationToken);
        await state.RemoveDeadLetterAsync(id, cancellationToken);
        AdapterLog.Replayed(logger, id, deadLetter.ChangeId);
        return true;
    }
}
