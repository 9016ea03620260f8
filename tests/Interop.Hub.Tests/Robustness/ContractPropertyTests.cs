using System.Globalization;
using CsCheck;
using Google.Protobuf;
using Grpc.Core;
using Interop.Testing;

namespace Interop.Hub.Tests.Robustness;

/// <summary>
/// Property: whatever request an integrator sends to any RPC of the contract,
/// the hub answers a clear status — never INTERNAL or UNKNOWN — and a refused
/// call writes nothing. Requests are generated from the message descriptors
/// and sent over a real socket, as the registrar (a landlord with desks) and
/// as the administrator.
/// </summary>
/// <remarks>
/// <c>INTEROP_FUZZ_COUNT</c> sets the requests per RPC and caller (25 by
/// default, so the suite stays well under a minute); <c>INTEROP_FUZZ_SEED</c>
/// replays the seed a failure printed.
/// </remarks>
public sealed class ContractPropertyTests(ContractHubFixture fixture) : IClassFixture<ContractHubFixture>
{
    /// <summary>The tables a refused call must leave as they were.</summary>
    private static readonly string[] WrittenTables =
        ["applications", "changes", "idempotency_keys", "organizations", "api_keys", "review_items", "proposals"];

    private static readonly TimeSpan StreamReadTime = TimeSpan.FromMilliseconds(300);

    public static TheoryData<string, string, string> Methods()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var method in ContractMethods.All)
        {
            data.Add(method.Service.FullName, method.Name, "registrar");
            data.Add(method.Service.FullName, method.Name, "administrator");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task AnyRequest_GetsAClearStatus_AndARefusalWritesNothing(string service, string method, string caller)
    {
        var descriptor = ContractMethods.Find(service, method);
        var call = ContractMethods.Of(descriptor);
        var invoker = caller == "administrator" ? fixture.Hub.Admin : fixture.Hub.Calls;
        var probe = new DatabaseProbe(fixture.Hub.ConnectionString);
        var requests = new RequestGenerator(fixture.Known).For(descriptor.InputType);

        await requests.SampleAsync(
            async request =>
            {
                var before = await probe.CountRowsAsync(WrittenTables);
                var (status, detail) = descriptor.IsServerStreaming
                    ? await ReadStreamAsync(invoker, call, request)
                    : await CallAsync(invoker, call, request);
                Assert.False(
                    status is StatusCode.Internal or StatusCode.Unknown or StatusCode.DataLoss or StatusCode.Unimplemented or StatusCode.DeadlineExceeded,
                    $"{method} as {caller} answered {status}: {detail}");
                if (status != StatusCode.OK)
                {
                    Assert.True(before == await probe.CountRowsAsync(WrittenTables), $"{method} as {caller} refused with {status} ({detail}) but wrote rows");
                }
            },
            iter: Count(),
            threads: 1,
            seed: Environment.GetEnvironmentVariable("INTEROP_FUZZ_SEED"),
            print: Describe);
    }

    private static async Task<(StatusCode Status, string Detail)> CallAsync(CallInvoker invoker, Method<IMessage, IMessage> method, IMessage request)
    {
        try
        {
            await invoker.AsyncUnaryCall(method, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)), request);
            return (StatusCode.OK, "");
        }
        catch (RpcException exception)
        {
            return (exception.StatusCode, exception.Status.Detail);
        }
    }

    /// <summary>Reads a stream for a moment; the client leaving is the normal end, not a refusal.</summary>
    private static async Task<(StatusCode Status, string Detail)> ReadStreamAsync(CallInvoker invoker, Method<IMessage, IMessage> method, IMessage request)
    {
        using var leave = new CancellationTokenSource(StreamReadTime);
        using var stream = invoker.AsyncServerStreamingCall(method, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: leave.Token), request);
        try
        {
            while (await stream.ResponseStream.MoveNext(leave.Token))
            {
            }

            return (StatusCode.OK, "");
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.Cancelled && leave.IsCancellationRequested)
        {
            return (StatusCode.OK, "left after reading");
        }
        catch (RpcException exception)
        {
            return (exception.StatusCode, exception.Status.Detail);
        }
    }

    private static long Count() =>
        long.TryParse(Environment.GetEnvironmentVariable("INTEROP_FUZZ_COUNT"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 25;

    /// <summary>The request as JSON (shortened), or its bytes when JSON cannot express it (an instant out of range).</summary>
    private static string Describe(IMessage request)
    {
        string text;
        try
        {
            text = JsonFormatter.Default.Format(request);
        }
        catch (InvalidOperationException)
        {
            text = $"{request.Descriptor.Name} (not expressible as JSON) base64 {Convert.ToBase64String(request.ToByteArray())}";
        }

        return text.Length <= 4000 ? text : text[..4000] + $"… ({text.Length} characters)";
    }
}
