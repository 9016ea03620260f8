using System.Runtime.ExceptionServices;
using Interop.Adapters.Sdk.Diagnostics;
using Interop.Adapters.Sdk.Mapping;
using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Sdk.State;
using Interop.Client;
using Interop.Contracts.V1;
using Microsoft.Extensions.Logging;

namespace Interop.Adapters.Sdk.Inbound;

/// <summary>
/// The dead letters of an adapter: list them, and replay one once the ERP or the configuration is
/// fixed. Hosts offer it on their command line through <see cref="CommandLine.DeadLetterCommand"/>.
/// </summary>
public sealed class DeadLetterQueue
{
    private readonly IAdapterStateStore state;
    private readonly InboundApplier applier;
    private readonly OutboundPusher pusher;
    private readonly InteropClient hub;
    private readonly ILogger logger;

    internal DeadLetterQueue(IAdapterStateStore state, InboundApplier applier, OutboundPusher pusher, InteropClient hub, ILogger logger)
    {
        this.state = state;
        this.applier = applier;
        this.pusher = pusher;
        this.hub = hub;
        this.logger = logger;
    }

    /// <summary>The dead letters, oldest first.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken = default) =>
        await state.ListDeadLettersAsync(cancellationToken);

    /// <summary>
    /// Replays the dead letter <paramref name="id"/> once the ERP or the configuration is fixed, and
    /// removes it once it went through. Inbound: applied through the sink again, with the application's
    /// current state read from the hub (the stored one when the hub no longer shows it). Outbound: the
    /// stored ERP change pushed again, its codes mapped with the current tables (the outbound marker
    /// does not move: it passed the change when it was dead-lettered).
    /// </summary>
    /// <returns>False when no dead letter has this id.</returns>
    /// <exception cref="ErpRefusedException">The ERP refuses the inbound change again; the dead letter stays.</exception>
    /// <exception cref="UnknownCodeException">An outbound code still has no mapping; the dead letter stays.</exception>
    /// <exception cref="InteropException">The hub refuses the outbound change again; the dead letter stays.</exception>
    /// <exception cref="InvalidOperationException">The outbound change still cannot go (e.g. its ERP record is linked to no application); the dead letter stays.</exception>
    public async Task<bool> ReplayAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var deadLetter = (await state.ListDeadLettersAsync(cancellationToken)).FirstOrDefault(d => d.Id == id);
        if (deadLetter is null)
        {
            return false;
        }

        if (deadLetter.ErpChange is { } stored)
        {
            try
            {
                await pusher.PushAsync(StoredErpChange.Deserialize(stored), cancellationToken);
            }
            catch (ChangeRefusedException e)
            {
                if (e.InnerException is InteropException refusal)
                {
                    ExceptionDispatchInfo.Throw(refusal);
                }

                throw new InvalidOperationException(e.Message, e);
            }
        }
        else
        {
            await ReplayInboundAsync(deadLetter, cancellationToken);
        }

        await state.RemoveDeadLetterAsync(id, cancellationToken);
        AdapterLog.Replayed(logger, id, deadLetter.ChangeId);
        return true;
    }

    private async Task ReplayInboundAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        if (deadLetter.HubChange is null)
        {
            throw new InvalidDataException($"Dead letter {deadLetter.Id} holds no change to replay.");
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
    }
}
