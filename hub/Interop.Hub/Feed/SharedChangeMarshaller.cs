using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Feed;

/// <summary>
/// Writes Subscribe's responses, encoding a change once for every stream that sends it: the
/// window's change messages are shared by all streams and never changed once built
/// (<see cref="FeedEntry"/>), so their bytes are kept beside them for as long as they live.
/// </summary>
/// <remarks>
/// With fifty subscribers each change was encoded fifty times, about 40 % of a stream's own
/// work per change in a sampled profile of the hub. The bytes are what the generated
/// marshaller writes; only the work of making them is shared.
/// </remarks>
internal static class SharedChangeMarshaller
{
    private static readonly ConditionalWeakTable<V1.Change, byte[]> Encoded = [];

    public static Marshaller<V1.SubscribeResponse> Instance { get; } = Marshallers.Create<V1.SubscribeResponse>(
        Serialize, context => V1.SubscribeResponse.Parser.ParseFrom(context.PayloadAsReadOnlySequence()));

    private static void Serialize(V1.SubscribeResponse response, SerializationContext context)
    {
        if (response.EventCase == V1.SubscribeResponse.EventOneofCase.Change)
        {
            context.Complete(Encoded.GetValue(response.Change, static change => new V1.SubscribeResponse { Change = change }.ToByteArray()));
            return;
        }

        context.SetPayloadLength(response.CalculateSize());
        response.WriteTo(context.GetBufferWriter());
        context.Complete();
    }
}
