using Google.Protobuf.WellKnownTypes;
using Interop.Hub.Registry;
using Interop.Hub.Storage.NationalExchange;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.NationalExchange;

/// <summary>A stored national rejection as the contract's <c>NationalRejection</c>.</summary>
internal static class NationalRejectionMapper
{
    public static string ResourceName(NationalRejectionRecord r) =>
        $"{ApplicationMapper.ResourceName(r.ApplicationNumber)}/nationalRejections/{r.RejectionId}";

    public static V1.NationalRejection ToProto(NationalRejectionRecord r)
    {
        var proto = new V1.NationalRejection
        {
            Name = ResourceName(r),
            NationalType = r.NationalType,
            ControlCode = r.ControlCode,
            Message = r.Message,
            RejectedRevision = r.RejectedRevision,
            ExportFile = r.ExportFile,
            LineNumber = r.LineNumber,
            ReturnFile = r.ReturnFile,
            State = r.ResolvedAt is null ? V1.NationalRejectionState.Open : V1.NationalRejectionState.Resolved,
            ResolvedRevision = r.ResolvedRevision ?? 0,
            RecordTime = Timestamp.FromDateTime(DateTime.SpecifyKind(r.RecordedAt, DateTimeKind.Utc)),
        };
        if (r.ResolvedAt is { } resolved)
        {
            proto.ResolveTime = Timestamp.FromDateTime(DateTime.SpecifyKind(resolved, DateTimeKind.Utc));
        }

        return proto;
    }
}
