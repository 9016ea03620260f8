namespace Interop.Adapters.Sdk.Outbound;

/// <summary>
/// One ERP code to translate into the contract through a mapping table of the configuration
/// (<c>{section}:Mappings:{Table}:{Value}</c>).
/// </summary>
/// <param name="Table">
/// The mapping table, named after the contract field it fills (a protobuf field path of
/// <c>Application</c>, e.g. <c>current_housing</c>, <c>family_situation</c>, <c>reason_codes</c>,
/// <c>applicant.sex</c>), or <c>radiation_reason</c> for <see cref="ErpChange.RadiationReasonCode"/>.
/// </param>
/// <param name="Value">The ERP's own code, as the ERP stores it.</param>
public sealed record ErpCode(string Table, string Value);
