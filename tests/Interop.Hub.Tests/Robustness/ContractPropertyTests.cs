using System.Globalization;
using CsCheck;
using Google.Protobuf;
using Grpc.Core;
using Interop.Testing;
using Xunit.Abstractions;

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
public sealed class ContractPropertyTests(ContractHubFixture fixture, ITestOutputHelper output) : IClassFixture<ContractHubFixture>
{
    /// <summary>The tables a refused call must leave as they were.</summary>
    private static readonly string[] WrittenTables =
        ["applications", "changes", "idempotency_keys", "organizations", "api_keys", "review_items", "proposals",
         "cotation_grid_owners", "cotation_grid_versions", "cotation_validations", "national_rejections",
         "application_history"];

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
        var requests = new RequestGenerator(fixture.Known).For(descriptor.InputType, fixture.Known.ValidRequests.GetValueOrDefault(method));
        var tally = new SortedDictionary<StatusCode, int>();

        await requests.SampleAsync(
            async request =>
            {
                var before = await probe.CountRowsAsync(WrittenTables);
                var (status, detail) = descriptor switch
                {
                    { IsClientStreaming: true } => await ContractMethods.SendOneRecordAsync(invoker, call, request),
                    { IsServerStreaming: true } => await ReadStreamAsync(invoker, call, request),
                    _ => await CallAsync(invoker, call, request),
                };
                tally[status] = tally.GetValueOrDefault(status) + 1;
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

        // How far the requests got: a property that only ever sees INVALID_ARGUMENT tests little.
        output.WriteLine($"{method} as {caller}: {tally.Values.Sum()} requests: {string.Join(", ", tally.Select(t => $"{t.Key} {t.Value}"))}");
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

    /// <summary>
    /// The request as JSON, shortened; the diagnostic form shows out-of-range
    /// instants and durations with a warning instead of failing on them.
    /// </summary>
    private static string Describe(IMessage request)
    {
        var text = JsonFormatter.ToDiagnosticString(request);
        return text.Length <= 4000 ? text : text[..4000] + $"… ({text.Length} characters)";
    }
}
