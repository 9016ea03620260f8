namespace Interop.Adapters.Files.Hosting;

/// <summary>
/// The default code tables of the file-based landlord's exports
/// (<c>Adapter:Mappings:{contract field}:{landlord code}</c>); a deployment overrides them with
/// <c>--config</c>, since every landlord's ERP spells its codes its own way.
/// </summary>
public static class FilesCodes
{
    public static readonly IReadOnlyDictionary<string, string?> Mappings = new Dictionary<string, string?>
    {
        ["Adapter:Mappings:applicant.sex:F"] = "SEX_FEMALE",
        ["Adapter:Mappings:applicant.sex:M"] = "SEX_MALE",
        ["Adapter:Mappings:applicant.nationality_class:FRA"] = "NATIONALITY_CLASS_FRENCH",
        ["Adapter:Mappings:applicant.nationality_class:UE"] = "NATIONALITY_CLASS_EUROPEAN_UNION",
        ["Adapter:Mappings:applicant.nationality_class:HORS_UE"] = "NATIONALITY_CLASS_OUTSIDE_EUROPEAN_UNION",
        ["Adapter:Mappings:family_situation:C"] = "FAMILY_SITUATION_SINGLE",
        ["Adapter:Mappings:family_situation:M"] = "FAMILY_SITUATION_MARRIED",
        ["Adapter:Mappings:family_situation:D"] = "FAMILY_SITUATION_DIVORCED",
        ["Adapter:Mappings:family_situation:S"] = "FAMILY_SITUATION_SEPARATED",
        ["Adapter:Mappings:family_situation:P"] = "FAMILY_SITUATION_CIVIL_PARTNERSHIP",
        ["Adapter:Mappings:current_housing:LP"] = "HOUSING_SITUATION_PRIVATE_TENANT",
        ["Adapter:Mappings:current_housing:HLM"] = "HOUSING_SITUATION_SOCIAL_TENANT",
        ["Adapter:Mappings:current_housing:HEB"] = "HOUSING_SITUATION_HOSTED_BY_PRIVATE_PERSON",
        ["Adapter:Mappings:current_housing:HOT"] = "HOUSING_SITUATION_HOTEL",
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
        ["Adapter:Mappings:proposal.reservation_holder:COLACT"] = "RESERVATION_HOLDER_EMPLOYERS",
        ["Adapter:Mappings:proposal.reservation_holder:PPRIOR"] = "RESERVATION_HOLDER_PREFECT_PRIORITY",
        ["Adapter:Mappings:proposal.reservation_holder:PFONCT"] = "RESERVATION_HOLDER_PREFECT_CIVIL_SERVANTS",
        ["Adapter:Mappings:proposal.reservation_holder:AUTRES"] = "RESERVATION_HOLDER_OTHER",
        ["Adapter:Mappings:lease.collective_agreement:AUCUN"] = "COLLECTIVE_AGREEMENT_NONE",
        ["Adapter:Mappings:lease.collective_agreement:ACD"] = "COLLECTIVE_AGREEMENT_DEPARTMENTAL",
        ["Adapter:Mappings:lease.collective_agreement:ACI"] = "COLLECTIVE_AGREEMENT_INTERCOMMUNAL",
        ["Adapter:Mappings:radiation_reason:RENONC"] = "RADIATION_REASON_RENUNCIATION",
        ["Adapter:Mappings:radiation_reason:BAIL"] = "RADIATION_REASON_ATTRIBUTION",
    };
}
