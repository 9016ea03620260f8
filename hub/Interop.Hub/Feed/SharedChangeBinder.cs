using Grpc.Core;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Feed;

/// <summary>
/// Binds the generated ChangeFeedService as it is, except that Subscribe's responses go
/// through <see cref="SharedChangeMarshaller"/>: the same method, name and request marshaller.
/// </summary>
internal sealed class SharedChangeBinder(ServiceBinderBase inner) : ServiceBinderBase
{
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
    {
        if (method is Method<V1.SubscribeRequest, V1.SubscribeResponse> subscribe)
        {
            method = (Method<TRequest, TResponse>)(object)new Method<V1.SubscribeRequest, V1.SubscribeResponse>(
                subscribe.Type, subscribe.ServiceName, subscribe.Name, subscribe.RequestMarshaller, SharedChangeMarshaller.Instance);
        }

        inner.AddMethod(method, handler);
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(method, handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(method, handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(method, handler);
}
