namespace Interop.Hub.Core.Matching;

/// <summary>
/// Rules that overrule the sum of weights. Fellegi–Sunter assumes fields independent; within a
/// family they are not (twins share surname, birth date and place; a parent and a child share
/// names and address), so these patterns are decided by rule unless the NIRs agree.
/// </summary>
public enum MatchVeto
{
    None,

    /// <summary>An operator declared the pair "not the same household".</summary>
    DeclaredDistinct,

    /// <summary>Same surname, unrelated first names: siblings, twins or spouses.</summary>
    UnrelatedFirstNames,

    /// <summary>
    /// Surname and first names both unrelated (even once swapped): two people, whatever the birth
    /// date or a shared e-mail (a social worker's, an association's) say.
    /// </summary>
    UnrelatedNames,

    /// <summary>
    /// Same names, birth dates unrelated (not a typo; or the same year only, with neither the birth
    /// place nor a contact in common): parent and child, or homonyms.
    /// </summary>
    DistantBirthDates,

    /// <summary>Both birth names are known and unrelated: a birth name never changes.</summary>
    DifferentBirthNames,
}
