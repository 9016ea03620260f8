using System.Threading.Channels;
using Grpc.Core;
using Interop.Hub.Core.Errors;
using Interop.Hub.Errors;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Registry;

internal sealed partial class RegistryService
{
    /// <summary>
    /// Bulk onboarding: each record goes through the same method it would alone (CreateApplication or
    /// ImportApplication: rights, validation, idempotent write by its request id), a few at once; the
    /// answers go back as records finish. Reading pauses while the workers are busy, so a fast sender
    /// is held back by HTTP/2 flow control instead of filling the hub's memory.
    /// </summary>
    public override async Task OnboardApplications(
        IAsyncStreamReader<V1.OnboardApplicationsRequest> requestStream,
        IServerStreamWriter<V1.OnboardApplicationsResponse> responseStream,
        ServerCallContext context)
    {
        var concurrency = Math.Max(1, options.Value.OnboardingConcurrency);
        var pending = Channel.CreateBounded<V1.OnboardApplicationsRequest>(concurrency);
        using var answering = new SemaphoreSlim(1, 1);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var record in pending.Reader.ReadAllAsync(failed.Token))
                    {
                        var answer = await OnboardAsync(record, context);

                        // One writer at a time: a gRPC response stream takes one message at a time.
                        await answering.WaitAsync(failed.Token);
                        try
                        {
                            await responseStream.WriteAsync(answer, failed.Token);
                        }
                        finally
                        {
                            answering.Release();
                        }
                    }
                }
                catch
                {
                    // A fault (the database gone, the caller gone) ends the whole stream: stop the
                    // reader and the other workers; records already answered stay done.
                    await failed.CancelAsync();
                    throw;
                }
            },
            CancellationToken.None)).ToList();

        try
        {
            await foreach (var record in requestStream.ReadAllAsync(failed.Token))
            {
                await pending.Writer.WriteAsync(record, failed.Token);
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            // A worker failed: its exception is the one to report, below.
        }
        finally
        {
            pending.Writer.TryComplete();
        }

        await Task.WhenAll(workers);
    }

    /// <summary>One record, answered as the same request alone would be; a refusal is an answer, a fault is thrown.</summary>
    private async Task<V1.OnboardApplicationsResponse> OnboardAsync(V1.OnboardApplicationsRequest record, ServerCallContext context)
    {
        var answer = new V1.OnboardApplicationsResponse();
        try
        {
            switch (record.RecordCase)
            {
                case V1.OnboardApplicationsRequest.RecordOneofCase.Registration:
                    answer.RequestId = record.Registration.RequestId;
                    answer.Registered = await CreateApplication(record.Registration, context);
                    break;
                case V1.OnboardApplicationsRequest.RecordOneofCase.NumberedElsewhere:
                    answer.RequestId = record.NumberedElsewhere.RequestId;
                    answer.Imported = await ImportApplication(record.NumberedElsewhere, context);
                    break;
                default:
                    var violations = new Core.Validation.Violations();
                    violations.Add("record", "Each record is a registration or an application numbered elsewhere.");
                    violations.ThrowIfAny();
                    break;
            }
        }
        catch (DomainException refusal)
        {
            answer.Refusal = DomainErrorMapper.ToRpcException(refusal).GetRpcStatus();
        }

        return answer;
    }
}
