using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Interop.Adapters.Sdk.Inbound;
using Interop.Adapters.Sdk.Outbound;
using Interop.Contracts.V1;
using Microsoft.Extensions.Configuration;

namespace Interop.Adapters.Sdk.Mapping;

/// <summary>
/// Translates ERP codes into contract codes through the tables of the configuration section
/// <c>Mappings</c>: <c>Mappings:{table}:{erp code} = {contract code}</c>, the table named after the
/// <c>Application</c> field it fills (e.g. <c>Mappings:current_housing:LOCPRIV = HOUSING_SITUATION_PRIVATE_TENANT</c>,
/// <c>Mappings:reason_codes:SANS_LOGT = 01</c>). The tables are read at each change, so a fixed
/// configuration (with reload) applies to the next change and to replays.
/// </summary>
public sealed class CodeMapper
{
    /// <summary>The table of <see cref="ErpChange.RadiationReasonCode"/>, mapped to <see cref="RadiationReason"/> names.</summary>
    public const string RadiationReasonTable = "radiation_reason";

    /// <summary>The table of <see cref="ErpAttribution.TypologyCode"/>, mapped to <see cref="Typology"/> names.</summary>
    public const string ProposalTypologyTable = "proposal.typology";

    /// <summary>The table of <see cref="ErpAttribution.ReservationHolderCode"/>, mapped to <see cref="ReservationHolder"/> names.</summary>
    public const string ReservationHolderTable = "proposal.reservation_holder";

    /// <summary>The table of <see cref="ErpAttribution.CollectiveAgreementCode"/>, mapped to <see cref="CollectiveAgreement"/> names.</summary>
    public const string CollectiveAgreementTable = "lease.collective_agreement";

    private readonly IConfiguration mappings;

    /// <summary>A mapper over <paramref name="mappings"/> (the <c>Mappings</c> section itself).</summary>
    public CodeMapper(IConfiguration mappings)
    {
        this.mappings = mappings;
    }

    /// <summary>The contract code of <paramref name="value"/> in <paramref name="table"/>.</summary>
    /// <exception cref="UnknownCodeException">The table has no entry for the value.</exception>
    public string Map(string table, string value)
    {
        var mapped = mappings.GetSection(table)[value];
        if (string.IsNullOrWhiteSpace(mapped))
        {
            throw new UnknownCodeException(table, value,
                $"ERP code '{value}' has no mapping in table '{table}' (add it to the configuration under Mappings:{table}:{value}).");
        }

        return mapped.Trim();
    }

    /// <summary>
    /// The ERP code that <paramref name="table"/> maps to <paramref name="contractCode"/>: the table read
    /// backwards, for a hub change written into the ERP, so one configuration serves both directions. The
    /// first entry wins when several ERP codes map to it; null when none does.
    /// </summary>
    public string? ErpCodeOf(string table, string contractCode) =>
        mappings.GetSection(table).GetChildren()
            .FirstOrDefault(entry => string.Equals(entry.Value?.Trim(), contractCode, StringComparison.Ordinal))?.Key;

    /// <summary>The ERP code of <paramref name="contractCode"/> in <paramref name="table"/>, for a sink that cannot write a hub value its ERP has no code for.</summary>
    /// <exception cref="ErpRefusedException">No entry maps to it: the SDK dead-letters the hub change with the table to complete.</exception>
    public string RequireErpCode(string table, string contractCode) =>
        ErpCodeOf(table, contractCode)
        ?? throw new ErpRefusedException($"the ERP has no code for {contractCode} in its table {table} (add one under Mappings:{table})");

    /// <summary>The ERP code of the contract enum value <paramref name="value"/> in <paramref name="table"/> (<see cref="RequireErpCode"/>).</summary>
    /// <exception cref="ErpRefusedException">No entry maps to it.</exception>
    public string RequireErpCode<TEnum>(string table, TEnum value)
        where TEnum : struct, Enum =>
        RequireErpCode(table, ContractName(value));

    /// <summary>The contract's name of an enum value (<c>SEX_FEMALE</c>), as the mapping tables spell it.</summary>
    public static string ContractName<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        typeof(TEnum).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? value.ToString();

    /// <summary>Writes every code of <paramref name="codes"/>, mapped, into its field of <paramref name="application"/>.</summary>
    /// <exception cref="UnknownCodeException">A code has no mapping, or its table names no field, or the mapped value is not a value of the field.</exception>
    public void Apply(Application application, IEnumerable<ErpCode> codes)
    {
        foreach (var code in codes)
        {
            var contractCode = Map(code.Table, code.Value);
            IMessage target = application;
            var path = code.Table.Split('.');
            for (var i = 0; i < path.Length - 1; i++)
            {
                var step = Field(target, path[i], code);
                if (step.FieldType != FieldType.Message || step.IsRepeated)
                {
                    throw Misconfigured(code, $"'{path[i]}' is not a message field");
                }

                var next = (IMessage?)step.Accessor.GetValue(target);
                if (next is null)
                {
                    next = step.MessageType.Parser.ParseFrom(ByteString.Empty);
                    step.Accessor.SetValue(target, next);
                }

                target = next;
            }

            Set(target, Field(target, path[^1], code), contractCode, code);
        }
    }

    /// <summary>The contract's radiation reason of an ERP code, through the <c>radiation_reason</c> table.</summary>
    /// <exception cref="UnknownCodeException">No mapping, or the mapped name is not a <see cref="RadiationReason"/>.</exception>
    public RadiationReason MapRadiationReason(string erpCode) =>
        (RadiationReason)MapEnum(RadiationReasonTable, erpCode, RadiationReason.Unspecified);

    /// <summary>
    /// The contract's typology, reservation holder and collective agreement of an ERP attribution, through the
    /// tables <c>proposal.typology</c>, <c>proposal.reservation_holder</c> and <c>lease.collective_agreement</c>
    /// (the last one only when the lease is signed; else <see cref="CollectiveAgreement.Unspecified"/>).
    /// </summary>
    /// <exception cref="UnknownCodeException">A code has no mapping, or its mapped name is not a value of the contract's enum.</exception>
    public (Typology Typology, ReservationHolder ReservationHolder, CollectiveAgreement CollectiveAgreement) MapAttribution(ErpAttribution attribution)
    {
        ArgumentNullException.ThrowIfNull(attribution);
        var typology = (Typology)MapEnum(ProposalTypologyTable, attribution.TypologyCode, Typology.Unspecified);
        var holder = (ReservationHolder)MapEnum(ReservationHolderTable, attribution.ReservationHolderCode, ReservationHolder.Unspecified);
        var agreement = attribution.Reached < ErpAttributionStep.LeaseSigned
            ? CollectiveAgreement.Unspecified
            : (CollectiveAgreement)MapEnum(CollectiveAgreementTable, attribution.CollectiveAgreementCode ?? "", CollectiveAgreement.Unspecified);
        return (typology, holder, agreement);
    }

    /// <summary>The number of the contract enum value an ERP code maps to; <paramref name="ofType"/> only names the enum.</summary>
    private int MapEnum<TEnum>(string table, string erpCode, TEnum ofType)
        where TEnum : struct, Enum
    {
        var code = new ErpCode(table, erpCode);
        var mapped = Map(table, erpCode);
        var descriptor = EnumDescriptorOf(ofType);
        var value = descriptor.FindValueByName(mapped)
            ?? throw Misconfigured(code, $"'{mapped}' is not a value of {descriptor.Name}");
        return value.Number;
    }

    private static EnumDescriptor EnumDescriptorOf<TEnum>(TEnum value)
        where TEnum : struct, Enum => value switch
    {
        RadiationReason => RadiateApplicationRequest.Descriptor.FindFieldByNumber(RadiateApplicationRequest.ReasonFieldNumber).EnumType,
        Typology => Proposal.Descriptor.FindFieldByNumber(Proposal.TypologyFieldNumber).EnumType,
        ReservationHolder => Proposal.Descriptor.FindFieldByNumber(Proposal.ReservationHolderFieldNumber).EnumType,
        CollectiveAgreement => Lease.Descriptor.FindFieldByNumber(Lease.CollectiveAgreementFieldNumber).EnumType,
        _ => throw new ArgumentOutOfRangeException(nameof(value), typeof(TEnum).Name, "Not a contract enum the SDK maps."),
    };

    private static FieldDescriptor Field(IMessage target, string name, ErpCode code) =>
        target.Descriptor.FindFieldByName(name) ?? throw Misconfigured(code, $"'{name}' is not a field of {target.Descriptor.Name}");

    private static void Set(IMessage target, FieldDescriptor field, string contractCode, ErpCode code)
    {
        object value = field.FieldType switch
        {
            FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, field.EnumType.FindValueByName(contractCode)?.Number
                ?? throw Misconfigured(code, $"'{contractCode}' is not a value of {field.EnumType.Name}")),
            FieldType.String => contractCode,
            _ => throw Misconfigured(code, $"field '{field.Name}' holds no code"),
        };
        if (field.IsRepeated)
        {
            var list = (System.Collections.IList)field.Accessor.GetValue(target);
            if (!list.Contains(value))
            {
                list.Add(value);
            }
        }
        else
        {
            field.Accessor.SetValue(target, value);
        }
    }

    private static UnknownCodeException Misconfigured(ErpCode code, string why) =>
        new(code.Table, code.Value, $"ERP code '{code.Value}' of table '{code.Table}' cannot be mapped: {why}.");
}
