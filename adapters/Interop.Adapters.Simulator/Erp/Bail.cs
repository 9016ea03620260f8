namespace Interop.Adapters.Simulator.Erp;

/// <summary>
/// A lease the landlord signed with a household, in the ERP's own shape and codes (the adapter maps them
/// through the tables <c>proposal.typology</c>, <c>proposal.reservation_holder</c> and <c>lease.collective_agreement</c>).
/// </summary>
/// <param name="Logement">The dwelling's RPLS id (letters and digits).</param>
/// <param name="Commune">The INSEE code of the dwelling's commune.</param>
/// <param name="Typologie">T1…T5.</param>
/// <param name="Contingent">The reservation contingent: AUCUN, COLTER, EMPLOY, PREFET, FONCTION, AUTRE.</param>
/// <param name="Accord">The collective agreement: AUCUN, ACD, ACI.</param>
/// <param name="DateEffet">The lease's start date; null (the seeded traffic's, and journals written before it existed): the hub's day.</param>
public sealed record Bail(string Logement, string Commune, string Typologie, string Contingent = "AUCUN", string Accord = "AUCUN", DateOnly? DateEffet = null);
