namespace Interop.Hub.Core.Statistics;

/// <summary>
/// The size of dwelling a household needs, derived from its composition as the
/// pressure index counts it (domain §6.4): one person a T1 or T2, a single
/// parent with one child a T3, otherwise as many rooms as persons.
/// </summary>
public enum NeededTypology
{
    Unspecified = 0,
    T1OrT2 = 1,
    T2 = 2,
    T3 = 3,
    T4 = 4,
    T5 = 5,
    T6Plus = 6,
}
