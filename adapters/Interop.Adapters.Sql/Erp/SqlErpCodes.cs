namespace Interop.Adapters.Sql.Erp;

/// <summary>
/// The sample ERP's code tables as mapping configuration (<c>Adapter:Mappings:{contract field}:{ERP code} = {contract code}</c>):
/// what its integrator writes in appsettings.json. <c>--config FILE</c> overrides or extends them.
/// </summary>
public static class SqlErpCodes
{
    public static readonly IReadOnlyDictionary<string, string?> Mappings = new Dictionary<string, string?>
    {
        ["Adapter:Mappings:applicant.sex:MME"] = "SEX_FEMALE",
        ["Adapter:Mappings:applicant.sex:M"] = "SEX_MALE",
        ["Adapter:Mappings:applicant.nationality_class:FRA"] = "NATIONALITY_CLASS_FRENCH",
        ["Adapter:Mappings:applicant.nationality_class:CEE"] = "NATIONALITY_CLASS_EUROPEAN_UNION",
        ["Adapter:Mappings:applicant.nationality_class:ETR"] = "NATIONALITY_CLASS_OUTSIDE_EUROPEAN_UNION",
        ["Adapter:Mappings:family_situation:CEL"] = "FAMILY_SITUATION_SINGLE",
        ["Adapter:Mappings:family_situation:MAR"] = "FAMILY_SITUATION_MARRIED",
        ["Adapter:Mappings:family_situation:DIV"] = "FAMILY_SITUATION_DIVORCED",
        ["Adapter:Mappings:family_situation:SEP"] = "FAMILY_SITUATION_SEPARATED",
        ["Adapter:Mappings:family_situation:PAC"] = "FAMILY_SITUATION_CIVIL_PARTNERSHIP",
        ["Adapter:Mappings:current_housing:LOCPRIVE"] = "HOUSING_SITUATION_PRIVATE_TENANT",
        ["Adapter:Mappings:current_housing:LOCSOCIAL"] = "HOUSING_SITUATION_SOCIAL_TENANT",
        ["Adapter:Mappings:current_housing:HEBERGE"] = "HOUSING_SITUATION_HOSTED_BY_PRIVATE_PERSON",
        ["Adapter:Mappings:current_housing:HOTEL"] = "HOUSING_SITUATION_HOTEL",
        ["Adapter:Mappings:current_housing:RUE"] = "HOUSING_SITUATION_HOMELESS",
        ["Adapter:Mappings:reason_codes:SL"] = "01",
        ["Adapter:Mappings:reason_codes:DV"] = "09",
        ["Adapter:Mappings:wishes.typologies:F1"] = "TYPOLOGY_T1",
        ["Adapter:Mappings:wishes.typologies:F2"] = "TYPOLOGY_T2",
        ["Adapter:Mappings:wishes.typologies:F3"] = "TYPOLOGY_T3",
        ["Adapter:Mappings:wishes.typologies:F4"] = "TYPOLOGY_T4",
        ["Adapter:Mappings:wishes.typologies:F5"] = "TYPOLOGY_T5",
        ["Adapter:Mappings:proposal.typology:F1"] = "TYPOLOGY_T1",
        ["Adapter:Mappings:proposal.typology:F2"] = "TYPOLOGY_T2",
        ["Adapter:Mappings:proposal.typology:F3"] = "TYPOLOGY_T3",
        ["Adapter:Mappings:proposal.typology:F4"] = "TYPOLOGY_T4",
        ["Adapter:Mappings:proposal.typology:F5"] = "TYPOLOGY_T5",
        ["Adapter:Mappings:proposal.reservation_holder:AUCUN"] = "RESERVATION_HOLDER_NONE",
        ["Adapter:Mappings:proposal.reservation_holder:COMMUNE"] = "RESERVATION_HOLDER_LOCAL_AUTHORITY",
        ["Adapter:Mappings:proposal.reservation_holder:ACTION_LOGEMENT"] = "RESERVATION_HOLDER_EMPLOYERS",
        ["Adapter:Mappings:proposal.reservation_holder:PREFET"] = "RESERVATION_HOLDER_PREFECT_PRIORITY",
        ["Adapter:Mappings:proposal.reservation_holder:FONCTIONNAIRES"] = "RESERVATION_HOLDER_PREFECT_CIVIL_SERVANTS",
        ["Adapter:Mappings:proposal.reservation_holder:AUTRE"] = "RESERVATION_HOLDER_OTHER",
        ["Adapter:Mappings:lease.collective_agreement:AUCUN"] = "COLLECTIVE_AGREEMENT_NONE",
        ["Adapter:Mappings:lease.collective_agreement:ACD"] = "COLLECTIVE_AGREEMENT_DEPARTMENTAL",
        ["Adapter:Mappings:lease.collective_agreement:ACI"] = "COLLECTIVE_AGREEMENT_INTERCOMMUNAL",
        ["Adapter:Mappings:radiation_reason:ABANDON"] = "RADIATION_REASON_RENUNCIATION",
        ["Adapter:Mappings:radiation_reason:ATTRIB"] = "RADIATION_REASON_ATTRIBUTION",
        ["Adapter:Mappings:radiation_reason:NONRENOUV"] = "RADIATION_REASON_NOT_RENEWED",
        ["Adapter:Mappings:radiation_reason:IRREC"] = "RADIATION_REASON_INADMISSIBILITY",
        ["Adapter:Mappings:radiation_reason:SANSREP"] = "RADIATION_REASON_NO_ANSWER",
    };
}
