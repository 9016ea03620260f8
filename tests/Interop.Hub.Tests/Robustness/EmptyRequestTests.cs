using Google.Protobuf.Reflection;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Robustness;

/// <summary>
/// Every RPC of the contract, called with an empty request, gets a clear
/// status — never INTERNAL or UNKNOWN — and writes nothing. The RPCs are read
/// from the contract's descriptors, so a new RPC is covered without editing
/// this test.
/// </summary>
public sealed class EmptyRequestTests : IAsyncLifetime
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    private HubHost hub = null!;

    private static readonly FileDescriptor[] ContractFiles =
    [
        RegistryServiceReflection.Descriptor, AdminServiceReflection.Descriptor, AuditServiceReflection.Descriptor,
        ChangeFeedReflection.Descriptor, MatchingServiceReflection.Descriptor,
        AttributionServiceReflection.Descriptor, CotationServiceReflection.Descriptor, NationalExchangeServiceReflection.Descriptor,
        ObservatoryServiceReflection.Descriptor,
    ];

    public static TheoryData<string, string, string> ContractMethods()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var service in ContractFiles.SelectMany(f => f.Services))
        {
            foreach (var method in service.Methods)
            {
                data.Add(service.FullName, method.Name, "registrar");
                data.Add(service.FullName, method.Name, "administrator");
            }
        }

        return data;
    }

    public async Task InitializeAsync() => hub = await HubHost.StartAsync("empty");

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Theory]
    [MemberData(nameof(ContractMethods))]
    public async Task EmptyRequest_GetsAClearStatusAndWritesNothing(string service, string method, string caller)
    {
        var descriptor = ContractFiles.SelectMany(f => f.Services).Single(s => s.FullName == service).FindMethodByName(method);
        var probe = new DatabaseProbe(hub.ConnectionString);
        var before = await probe.CountAsync();
        var invoker = caller == "administrator" ? hub.Admin : hub.Calls;
        var status = StatusCode.OK;
        try
        {
            if (descriptor.IsClientStreaming)
            {
                var (answered, detail) = await Robustness.ContractMethods.SendOneRecordAsync(
                    invoker, Robustness.ContractMethods.Of(descriptor), descriptor.InputType.Parser.ParseFrom([]));
                if (answered != StatusCode.OK)
                {
                    throw new RpcException(new Status(answered, detail));
                }
            }
            else if (descriptor.IsServerStreaming)
            {
                using var stream = invoker.AsyncServerStreamingCall(
                    new Method<byte[], byte[]>(MethodType.ServerStreaming, service, method, Bytes, Bytes), null, new CallOptions(), []);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await stream.ResponseStream.MoveNext(timeout.Token);
            }
            else
            {
                await invoker.AsyncUnaryCall(new Method<byte[], byte[]>(MethodType.Unary, service, method, Bytes, Bytes), null, new CallOptions(), []);
            }
        }
        catch (RpcException exception)
        {
            status = exception.StatusCode;
            Assert.False(
                exception.StatusCode is StatusCode.Internal or StatusCode.Unknown or StatusCode.Unimplemented,
                $"{method} answered {exception.StatusCode}: {exception.Status.Detail}");
        }

        // A mutation without its request id (or anything else) must be refused,
        // for being malformed or not allowed to this caller; a read with no
        // filter may answer.
        if (descriptor.InputType.FindFieldByName("request_id") is not null)
        {
            Assert.True(status is StatusCode.InvalidArgument or StatusCode.PermissionDenied, $"{method} answered {status}");
        }

        Assert.Equal(before, await probe.CountAsync());
    }
}
