namespace Interop.Adapters.Simulator.Erp;

/// <summary>
/// The simulated ERP's own code tables as mapping configuration
/// (<c>Adapter:Mappings:{contract field}:{ERP code} = {contract code}</c>): what an integrator
/// writes in appsettings.json. A host may override or extend them through its configuration.
/// </summary>
public static class ErpCodes
{
    public static readonly IReadOnlyDictionary<string, string?> Mappings = new Dictionary<string, string?>
    {
        ["Adapter:Mappings:applicant.sex:F"] = "SEX_FEMALE",
        ["Adapter:Mappings:applicant.sex:H"] = "SEX_MALE",
        ["Adapter:Mappings:applicant.nationality_class:FR"] = "NATIONALITY_CLASS_FRENCH",
        ["Adapter:Mappings:applicant.nationality_class:UE"] = "NATIONALITY_CLASS_EUROPEAN_UNION",
        ["Adapter:Mappings:applicant.nationality_class:HUE"] = "NATIONALITY_CLASS_OUTSIDE_EUROPEAN_UNION",
        ["Adapter:Mappings:family_situation:CELIB"] = "FAMILY_SITUATION_SINGLE",
        ["Adapter:Mappings:family_situation:MARIE"] = "FAMILY_SITUATION_MARRIED",
        ["Adapter:Mappings:family_situation:DIVORCE"] = "FAMILY_SITUATION_DIVORCED",
        ["Adapter:Mappings:family_situation:SEPARE"] = "FAMILY_SITUATION_SEPARATED",
        ["Adapter:Mappings:family_situation:PACS"] = "FAMILY_SITUATION_CIVIL_PARTNERSHIP",
        ["Adapter:Mappings:current_housing:LOCPRIV"] = "HOUSING_SITUATION_PRIVATE_TENANT",
        ["Adapter:Mappings:current_housing:HLM"] = "HOUSING_SITUATION_SOCIAL_TENANT",
        ["Adapter:Mappings:current_housing:HEBERGE"] = "HOUSING_SITUATION_HOSTED_BY_PRIVATE_PERSON",
        ["Adapter:Mappings:current_housing:HOTEL"] = "HOUSING_SITUATION_HOTEL",
        ["Adapter:Mappings:current_housing:SDF"] = "HOUSING_SITUATION_HOMELESS",
        ["Adapter:Mappings:reason_codes:SANSLOGT"] = "01",
        ["Adapter:Mappings:reason_codes:DIVORCE"] = "09",
        ["Adapter:Mappings:wishes.typologies:T1"] = "TYPOLOGY_T1",
        ["Adapter:Mappings:wishes.typologies:T2"] = "TYPOLOGY_T2",
        ["Adapter:Mappings:wishes.typologies:T3"] = "TYPOLOGY_T3",
        ["Adapter:Mappings:wishes.typologies:T4"] = "TYPOLOGY_T4",
        ["Adapter:Mappings:wishes.typologies:T5"] = "TYPOLOGY_T5",
        ["Adapter:Mappings:proposal.typology:T1"] = "TYPOLOGY_T1",
        ["Adapter:Mappings:proposal.typology:T2"] = "TYPOLOGY_T2",
        ["Adapter:Mappings:proposal.typology:T3"] = "TYPOLOGY_T3",
        ["Adapter:Mappings:proposal.typology:T4"] = "TYPOLOGY_T4",
        ["Adapter:Mappings:proposal.typology:T5"] = "TYPOLOGY_T5",
        ["Adapter:Mappings:proposal.reservation_holder:AUCUN"] = "RESERVATION_HOLDER_NONE",
        ["Adapter:Mappings:proposal.reservation_holder:COLTER"] = "RESERVATION_HOLDER_LOCAL_AUTHORITY",
        ["Adapter:Mappings:proposal.reservation_holder:EMPLOY"] = "RESERVATION_HOLDER_EMPLOYERS",
        ["Adapter:Mappings:proposal.reservation_holder:PREFET"] = "RESERVATION_HOLDER_PREFECT_PRIORITY",
        ["Adapter:Mappings:proposal.reservation_holder:FONCTION"] = "RESERVATION_HOLDER_PREFECT_CIVIL_SERVANTS",
        ["Adapter:Mappings:proposal.reservation_holder:AUTRE"] = "RESERVATION_HOLDER_OTHER",
        ["Adapter:Mappings:lease.collective_agreement:AUCUN"] = "COLLECTIVE_AGREEMENT_NONE",
        ["Adapter:Mappings:lease.collective_agreement:ACD"] = "COLLECTIVE_AGREEMENT_DEPARTMENTAL",
        ["Adapter:Mappings:lease.collective_agreement:ACI"] = "COLLECTIVE_AGREEMENT_INTERCOMMUNAL",
        ["Adapter:Mappings:radiation_reason:RENONC"] = "RADIATION_REASON_RENUNCIATION",
        ["Adapter:Mappings:radiation_reason:BAIL"] = "RADIATION_REASON_ATTRIBUTION",
        ["Adapter:Mappings:radiation_reason:NONRENOUV"] = "RADIATION_REASON_NOT_RENEWED",
        ["Adapter:Mappings:radiation_reason:IRRECEVABLE"] = "RADIATION_REASON_INADMISSIBILITY",
        ["Adapter:Mappings:radiation_reason:SANSREPONSE"] = "RADIATION_REASON_NO_ANSWER",
    };
}
