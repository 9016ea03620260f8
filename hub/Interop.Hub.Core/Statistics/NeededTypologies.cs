namespace Interop.Hub.Core.Statistics;

/// <summary>Derives <see cref="NeededTypology"/> from a household's composition (domain §6.4).</summary>
public static class NeededTypologies
{
    public static readonly IReadOnlyList<NeededTypology> All =
        [NeededTypology.T1OrT2, NeededTypology.T2, NeededTypology.T3, NeededTypology.T4, NeededTypology.T5, NeededTypology.T6Plus];

    /// <param name="householdSize">Applicant, co-applicant and other members.</param>
    /// <param name="coApplicant">Whether there is a co-applicant.</param>
    /// <param name="children">Members who are the applicant's children.</param>
    public static NeededTypology Of(int householdSize, bool coApplicant, int children) => householdSize switch
    {
        <= 1 => NeededTypology.T1OrT2,
        // A parent alone with a child needs a room for each: a T3, not a T2.
        2 when !coApplicant && children == 1 => NeededTypology.T3,
        2 => NeededTypology.T2,
        3 => NeededTypology.T3,
        4 => NeededTypology.T4,
        5 => NeededTypology.T5,
        _ => NeededTypology.T6Plus,
    };
}
