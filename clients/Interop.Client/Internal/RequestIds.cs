using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Interop.Client.Internal;

/// <summary>
/// Every mutation of the contract carries a <c>request_id</c>: the hub applies
/// a request id once and replays its first answer. An id left empty gets a
/// new UUID here, once per logical call, before the first attempt, so that
/// every retry of that call is recognised as the same request.
/// </summary>
internal static class RequestIds
{
    public const string FieldName = "request_id";

    /// <summary>The request to send on every attempt, and whether it carries a request id.</summary>
    public static (TRequest Request, bool CarriesRequestId) Prepare<TRequest>(TRequest request)
        where TRequest : class
    {
        if (request is not IMessage message
            || message.Descriptor.FindFieldByName(FieldName) is not { FieldType: FieldType.String, IsRepeated: false } field)
        {
            return (request, false);
        }

        if (field.Accessor.GetValue(message) is string { Length: > 0 })
        {
            return (request, true);
        }

        // The id goes on a copy: the caller's object stays as given, so sending
        // it again later is a new logical call with a new id, not a replay.
        var copy = request is IDeepCloneable<TRequest> cloneable ? cloneable.Clone() : request;
        field.Accessor.SetValue((IMessage)copy, Guid.NewGuid().ToString());
        return (copy, true);
    }
}
