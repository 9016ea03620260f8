using System.Text.Json;
using Google.Protobuf;
using Interop.Contracts.V1;

namespace Interop.Adapters.Sdk.Outbound;

/// <summary>An <see cref="ErpChange"/> as a dead letter keeps it for replay (JSON, the application in protobuf binary).</summary>
internal sealed record StoredErpChange(
    string ChangeId,
    string ErpRecordId,
    ErpChangeKind Kind,
    string Marker,
    byte[]? Application,
    List<ErpCode> Codes,
    List<string> ChangedFields,
    string? RegisteringDesk,
    string? RadiationReasonCode,
    DateTimeOffset? ChangedAt,
    ErpAttribution? Attribution = null)
{
    public static byte[] Serialize(ErpChange change) => JsonSerializer.SerializeToUtf8Bytes(new StoredErpChange(
        change.ChangeId,
        change.ErpRecordId,
        change.Kind,
        change.Marker,
        change.Application?.ToByteArray(),
        [.. change.Codes],
        [.. change.ChangedFields],
        change.RegisteringDesk,
        change.RadiationReasonCode,
        change.ChangedAt,
        change.Attribution));

    public static ErpChange Deserialize(byte[] stored)
    {
        var change = JsonSerializer.Deserialize<StoredErpChange>(stored)
            ?? throw new InvalidDataException("A dead letter holds no ERP change.");
        return new ErpChange
        {
            ChangeId = change.ChangeId,
            ErpRecordId = change.ErpRecordId,
            Kind = change.Kind,
            Marker = change.Marker,
            Application = change.Application is null ? null : Contracts.V1.Application.Parser.ParseFrom(change.Application),
            Codes = change.Codes,
            ChangedFields = change.ChangedFields,
            RegisteringDesk = change.RegisteringDesk,
            RadiationReasonCode = change.RadiationReasonCode,
            ChangedAt = change.ChangedAt,
            Attribution = change.Attribution,
        };
    }
}
