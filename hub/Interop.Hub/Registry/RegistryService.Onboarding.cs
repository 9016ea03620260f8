using System.Threading.Channels;
using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Applications;
using Interop.Hub.Core.Errors;
using Interop.Hub.Errors;
using Interop.Hub.Idempotency;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Registry;

internal sealed partial class RegistryService
{
    /// <summary>
    /// Bulk onboarding: the stream's records are gathered into batches (whatever has arrived while the
    /// previous batch was written, up to <c>Interop:OnboardingBatchSize</c>), and each batch of registrations
    /// is written set-based in one transaction (<see cref="OnboardBatchAsync"/>). Each record is answered as
    /// the same request alone would be. Reading goes on while a batch is written, into a buffer of two
    /// batches; beyond it HTTP/2 flow control holds a fast sender back instead of filling the hub's memory.
    /// </summary>
    public override async Task OnboardApplications(
        IAsyncStreamReader<V1.OnboardApplicationsRequest> requestStream,
        IServerStreamWriter<V1.OnboardApplicationsResponse> responseStream,
        ServerCallContext context)
    {
        var batchSize = Math.Max(1, options.Value.OnboardingBatchSize);
        var pending = Channel.CreateBounded<V1.OnboardApplicationsRequest>(2 * batchSize);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var writing = Task.Run(
            async () =>
            {
                try
                {
                    await WriteBatchesAsync(pending.Reader, batchSize, responseStream, context, failed.Token);
                }
                catch
                {
                    // A fault (the database gone, the caller gone) ends the whole stream: stop the reader;
                    // records already answered stay done.
                    await failed.CancelAsync();
                    throw;
                }
            },
            CancellationToken.None);

        try
        {
            await foreach (var record in requestStream.ReadAllAsync(failed.Token))
            {
                await pending.Writer.WriteAsync(record, failed.Token);
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            // The writer failed: its exception is the one to report, below.
        }
        catch (IOException reset)
        {
            // The caller cut the stream (a crash, a cancelled load): the batch being written rolls back or
            // commits whole, and the load sent again answers what was done. The caller's doing, not a fault.
            await failed.CancelAsync();
            await Task.WhenAny(writing);
            throw new RpcException(new Status(StatusCode.Cancelled, "The caller reset the stream: " + reset.Message));
        }
        finally
        {
            pending.Writer.TryComplete();
        }

        await writing;
    }

    /// <summary>
    /// Takes batches off the buffer until the stream ends and answers each. A registration whose request
    /// id is already in the batch waits for the next one, so it gets the first one's answer as a replay,
    /// as the same id sent twice alone would.
    /// </summary>
    private async Task WriteBatchesAsync(
        ChannelReader<V1.OnboardApplicationsRequest> records, int batchSize, IServerStreamWriter<V1.OnboardApplicationsResponse> responseStream,
        ServerCallContext context, CancellationToken cancellationToken)
    {
        var carried = new List<V1.OnboardApplicationsRequest>();
        while (carried.Count > 0 || await records.WaitToReadAsync(cancellationToken))
        {
            var batch = new List<V1.OnboardApplicationsRequest>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var later = new List<V1.OnboardApplicationsRequest>();
            foreach (var record in carried)
            {
                (batch.Count < batchSize && Joins(record, ids) ? batch : later).Add(record);
            }

            await GatherAsync(records, batch, later, ids, batchSize, options.Value.OnboardingBatchWindow, cancellationToken);

            carried = later;
            foreach (var answer in await OnboardBatchAsync(batch, context, cancellationToken))
            {
                await responseStream.WriteAsync(answer, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Fills a batch with what has arrived, then with what arrives within <paramref name="window"/>, until it
    /// is full or the stream ends: a sender writing its records one after another gets them written together
    /// rather than the first alone. While a batch is written, the next one gathers in the buffer anyway.
    /// The window is machine time, not the hub's clock: a pace on the wire, which a frozen (test) clock must
    /// not turn into a wait for a full batch, hanging a sender that awaits answers before it sends more.
    /// </summary>
    private async Task GatherAsync(
        ChannelReader<V1.OnboardApplicationsRequest> records, List<V1.OnboardApplicationsRequest> batch, List<V1.OnboardApplicationsRequest> later,
        HashSet<string> ids, int batchSize, TimeSpan window, CancellationToken cancellationToken)
    {
        using var windowEnds = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var windowEnded = Task.Delay(window, TimeProvider.System, windowEnds.Token);
        try
        {
            while (batch.Count < batchSize)
            {
                if (records.TryRead(out var record))
                {
                    (Joins(record, ids) ? batch : later).Add(record);
                    continue;
                }

                var more = records.WaitToReadAsync(cancellationToken).AsTask();
                if (await Task.WhenAny(more, windowEnded) == windowEnded || !await more)
                {
                    return;
                }
            }
        }
        finally
        {
            await windowEnds.CancelAsync();
        }
    }

    /// <summary>
    /// One batch: every record costs one token of the caller's rate budget (waited for, <see cref="RecordTokens"/>);
    /// each registration is checked as alone (a bad one refused with its field violations); the valid ones are
    /// written together in one transaction (<see cref="IdempotentBatchWriter"/>, <see cref="ApplicationRegistrar.RegisterManyAsync"/>).
    /// Imports, and registrations the batch could not decide, take the single path after it.
    /// </summary>
    private async Task<IReadOnlyList<V1.OnboardApplicationsResponse>> OnboardBatchAsync(
        IReadOnlyList<V1.OnboardApplicationsRequest> batch, ServerCallContext context, CancellationToken cancellationToken)
    {
        await recordTokens.TakeAsync(context.GetHttpContext(), batch.Count, cancellationToken);
        var answers = new List<V1.OnboardApplicationsResponse>(batch.Count);
        var single = new List<V1.OnboardApplicationsRequest>();
        var valid = new List<(V1.CreateApplicationRequest Request, NewRegistration Registration)>();
        foreach (var record in batch)
        {
            if (record.RecordCase != V1.OnboardApplicationsRequest.RecordOneofCase.Registration)
            {
                single.Add(record);
                continue;
            }

            try
            {
                valid.Add((record.Registration, RegistrationOf(record.Registration, context)));
            }
            catch (DomainException refusal)
            {
                answers.Add(Refused(record.Registration.RequestId, refusal));
            }
        }

        if (valid.Count > 0)
        {
            try
            {
                var written = await batchWriter.RunAsync<V1.CreateApplicationRequest, V1.CreateApplicationResponse>(
                    context.Caller().OrganizationId,
                    nameof(CreateApplication),
                    valid.Select(v => (v.Request.RequestId, v.Request)).ToList(),
                    async (transaction, fresh, now, token) =>
                    {
                        var outcomes = await registrar.RegisterManyAsync(transaction, fresh.Select(i => valid[i].Registration).ToList(), now, token);
                        return fresh.Select((i, k) => outcomes[k] switch
                        {
                            RegistrationOutcome.Registered registered => BatchAnswer<V1.CreateApplicationResponse>.Done(
                                Registered(registered.Application, valid[i].Registration.Caller)),
                            RegistrationOutcome.Refused refused => BatchAnswer<V1.CreateApplicationResponse>.Refused(refused.Refusal),
                            _ => BatchAnswer<V1.CreateApplicationResponse>.Deferred(),
                        }).ToList<BatchAnswer<V1.CreateApplicationResponse>>();
                    },
                    cancellationToken);
                for (var i = 0; i < valid.Count; i++)
                {
                    var requestId = valid[i].Request.RequestId;
                    switch (written[i])
                    {
                        case { Response: { } response }:
                            answers.Add(new V1.OnboardApplicationsResponse { RequestId = requestId, Registered = response });
                            break;
                        case { Refusal: { } refusal }:
                            answers.Add(Refused(requestId, refusal));
                            break;
                        default:
                            single.Add(new V1.OnboardApplicationsRequest { Registration = valid[i].Request });
                            break;
                    }
                }
            }
            catch (BatchUndecidedException)
            {
                // Rolled back whole: each registration alone, which refuses exactly those beyond the quota.
                single.AddRange(valid.Select(v => new V1.OnboardApplicationsRequest { Registration = v.Request }));
            }
        }

        foreach (var record in single)
        {
            answers.Add(await OnboardAsync(record, context));
        }

        return answers;
    }

    /// <summary>One record, answered as the same request alone would be; a refusal is an answer, a fault is thrown.</summary>
    private async Task<V1.OnboardApplicationsResponse> OnboardAsync(V1.OnboardApplicationsRequest record, ServerCallContext context)
    {
        try
        {
            switch (record.RecordCase)
            {
                case V1.OnboardApplicationsRequest.RecordOneofCase.Registration:
                    return new V1.OnboardApplicationsResponse
                    {
                        RequestId = record.Registration.RequestId, Registered = await CreateApplication(record.Registration, context),
                    };
                case V1.OnboardApplicationsRequest.RecordOneofCase.NumberedElsewhere:
                    return new V1.OnboardApplicationsResponse
                    {
                        RequestId = record.NumberedElsewhere.RequestId, Imported = await ImportApplication(record.NumberedElsewhere, context),
                    };
                default:
                    var violations = new Core.Validation.Violations();
                    violations.Add("record", "Each record is a registration or an application numbered elsewhere.");
                    violations.ThrowIfAny();
                    return new V1.OnboardApplicationsResponse();
            }
        }
        catch (DomainException refusal)
        {
            return Refused(RequestIdOf(record), refusal);
        }
    }

    private static V1.OnboardApplicationsResponse Refused(string requestId, DomainException refusal) => new()
    {
        RequestId = requestId,
        Refusal = DomainErrorMapper.ToRpcException(refusal).GetRpcStatus(),
    };

    /// <summary>Whether a record may join a batch holding <paramref name="ids"/>: not when its request id is already there (a record without one is refused anyway).</summary>
    private static bool Joins(V1.OnboardApplicationsRequest record, HashSet<string> ids) => RequestIdOf(record) is not { Length: > 0 } id || ids.Add(id);

    private static string RequestIdOf(V1.OnboardApplicationsRequest record) => record.RecordCase switch
    {
        V1.OnboardApplicationsRequest.RecordOneofCase.Registration => record.Registration.RequestId,
        V1.OnboardApplicationsRequest.RecordOneofCase.NumberedElsewhere => record.NumberedElsewhere.RequestId,
        _ => "",
    };
}
