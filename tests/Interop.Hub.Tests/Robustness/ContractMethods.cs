using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Interop.Contracts.V1;

namespace Interop.Hub.Tests.Robustness;

/// <summary>
/// Every RPC of the contract, read from its descriptors, and a generic
/// <see cref="Method{TRequest,TResponse}"/> for each whose marshallers come
/// from the descriptors' parsers, so a test calls any RPC with a message it
/// built by reflection.
/// </summary>
internal static class ContractMethods
{
    public static readonly FileDescriptor[] Files =
    [
        RegistryServiceReflection.Descriptor, AdminServiceReflection.Descriptor, AuditServiceReflection.Descriptor,
        ChangeFeedReflection.Descriptor, MatchingServiceReflection.Descriptor, AttributionServiceReflection.Descriptor,
        CotationServiceReflection.Descriptor,
        NationalExchangeServiceReflection.Descriptor,
        ObservatoryServiceReflection.Descriptor,
    ];

    public static IEnumerable<MethodDescriptor> All => Files.SelectMany(f => f.Services).SelectMany(s => s.Methods);

    public static MethodDescriptor Find(string service, string method) =>
        Files.SelectMany(f => f.Services).Single(s => s.FullName == service).FindMethodByName(method);

    public static Method<IMessage, IMessage> Of(MethodDescriptor method) => new(
        method switch
        {
            { IsClientStreaming: true, IsServerStreaming: true } => MethodType.DuplexStreaming,
            { IsServerStreaming: true } => MethodType.ServerStreaming,
            _ => MethodType.Unary,
        },
        method.Service.FullName,
        method.Name,
        MarshallerOf(method.InputType),
        MarshallerOf(method.OutputType));

    /// <summary>
    /// A bidirectional method (bulk onboarding) called with one record: the stream's status, or the
    /// refusal its one answer carries (a record is refused inside an OK stream, as the same request alone
    /// would be refused by its status).
    /// </summary>
    public static async Task<(StatusCode Status, string Detail)> SendOneRecordAsync(CallInvoker invoker, Method<IMessage, IMessage> method, IMessage record)
    {
        try
        {
            using var call = invoker.AsyncDuplexStreamingCall(method, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)));
            await call.RequestStream.WriteAsync(record);
            await call.RequestStream.CompleteAsync();
            var outcome = (StatusCode.OK, "");
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                if (call.ResponseStream.Current.Descriptor.FindFieldByName("refusal") is { } field
                    && field.Accessor.HasValue(call.ResponseStream.Current)
                    && field.Accessor.GetValue(call.ResponseStream.Current) is Google.Rpc.Status refusal)
                {
                    outcome = ((StatusCode)refusal.Code, refusal.Message);
                }
            }

            return outcome;
        }
        catch (RpcException exception)
        {
            return (exception.StatusCode, exception.Status.Detail);
        }
    }

    private static Marshaller<IMessage> MarshallerOf(MessageDescriptor descriptor) =>
        Marshallers.Create<IMessage>(message => message.ToByteArray(), bytes => descriptor.Parser.ParseFrom(bytes));
}
