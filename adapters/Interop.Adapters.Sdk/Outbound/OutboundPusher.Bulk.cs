using Grpc.Core;
using Interop.Adapters.Sdk.Diagnostics;
using Interop.Adapters.Sdk.Mapping;
using Interop.Adapters.Sdk.State;
using Interop.Client;
using Interop.Contracts.V1;

namespace Interop.Adapters.Sdk.Outbound;

internal sealed partial class OutboundPusher
{
    /// <summary>
    /// Registers many ERP records through one OnboardApplications stream (an initial load, a burst of
    /// registrations): each with the request id it would have alone, so a record pushed before a crash, by
    /// either path, is answered again without a second registration. Returns the records the hub or the
    /// mapping refused, with why (to dead-letter); a fault of the stream is thrown, and the records answered
    /// before it keep their links.
    /// </summary>
    public async Task<IReadOnlyList<(ErpChange Change, string Reason)>> RegisterInBulkAsync(
        IReadOnlyList<ErpChange> registrations, CancellationToken cancellationToken)
    {
        var refused = new List<(ErpChange, string)>();
        var sent = new Dictionary<string, ErpChange>(StringComparer.Ordinal);
        var records = new List<OnboardApplicationsRequest>();
        foreach (var change in registrations)
        {
            if (await state.FindByErpRecordAsync(change.ErpRecordId, cancellationToken) is { } known)
            {
                // Pushed before the marker was stored (a crash in between): the link says it is done.
                AdapterLog.Pushed(logger, change.ChangeId, change.Kind.ToString(), known.Number, known.Revision);
                continue;
            }

            try
            {
                var requestId = RequestIds.For(options.OrganizationId, change.ChangeId);
                records.Add(new OnboardApplicationsRequest
                {
                    Registration = new CreateApplicationRequest
                    {
                        RequestId = requestId,
                        RegisteringDesk = change.RegisteringDesk ?? options.RegisteringDesk,
                        Application = Build(change, requireApplication: true),
                    },
                });
                sent[requestId] = change;
            }
            catch (Exception e) when (e is ChangeRefusedException or UnknownCodeException)
            {
                refused.Add((change, e.Message));
            }
        }

        if (records.Count == 0)
        {
            return refused;
        }

        using var call = hub.Registry.OnboardApplications(cancellationToken: cancellationToken);
        var sending = SendAsync(call.RequestStream, records, cancellationToken);
        await foreach (var answer in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            if (!sent.Remove(answer.RequestId, out var change))
            {
                continue;
            }

            if (await AnsweredAsync(change, answer, cancellationToken) is { } reason)
            {
                refused.Add((change, reason));
            }
        }

        await sending;
        if (sent.Count > 0)
        {
            // The hub answers every record of a stream that ends well; anything else is a fault.
            throw new RpcException(new Status(StatusCode.Unavailable, $"The onboarding stream ended with {sent.Count} records unanswered."));
        }

        return refused;
    }

    private static async Task SendAsync(IClientStreamWriter<OnboardApplicationsRequest> stream, List<OnboardApplicationsRequest> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await stream.WriteAsync(record, cancellationToken);
        }

        await stream.CompleteAsync();
    }

    /// <summary>Links the record to what the hub answered; returns the reason when the hub refused it.</summary>
    private async Task<string?> AnsweredAsync(ErpChange change, OnboardApplicationsResponse answer, CancellationToken cancellationToken)
    {
        if (answer.OutcomeCase == OnboardApplicationsResponse.OutcomeOneofCase.Registered)
        {
            var created = answer.Registered.Application;
            await state.SaveLinkAsync(new ApplicationLink(created.Number, change.ErpRecordId, created.Revision), cancellationToken);
            AdapterLog.Pushed(logger, change.ChangeId, change.Kind.ToString(), created.Number, created.Revision);
            metrics.CountPushed();
            return null;
        }

        var refusal = InteropException.From((answer.Refusal ?? new Google.Rpc.Status { Code = (int)StatusCode.Unknown, Message = "The hub answered the record without an outcome." }).ToRpcException());
        switch (refusal)
        {
            case DuplicateApplicationException duplicate when duplicate.ExistingApplications.Count > 0:
                await LinkToExistingAsync(change, duplicate.ExistingApplications[0].Number, cancellationToken);
                metrics.CountPushed();
                return null;
            case UnauthenticatedException or QuotaExceededException { Reason: InteropErrorReasons.RateLimited }:
                // Concerns every record, not this one: a fault, as on the one-by-one path.
                throw refusal;
            case InteropException typed:
                return Describe(typed);
            default:
                throw refusal;
        }
    }
}
