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
        method.IsServerStreaming ? MethodType.ServerStreaming : MethodType.Unary,
        method.Service.FullName,
        method.Name,
        MarshallerOf(method.InputType),
        MarshallerOf(method.OutputType));

    private static Marshaller<IMessage> MarshallerOf(MessageDescriptor descriptor) =>
        Marshallers.Create<IMessage>(message => message.ToByteArray(), bytes => descriptor.Parser.ParseFrom(bytes));
}
