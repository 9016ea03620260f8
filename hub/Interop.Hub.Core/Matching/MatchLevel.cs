namespace Interop.Hub.Core.Matching;

/// <summary>
/// How well one field agrees between two people, from best to worst. Each field uses the levels
/// that make sense for it (a birth date is never "phonetic"); <see cref="Missing"/> means one side
/// is empty and the field weighs nothing.
/// </summary>
public enum MatchLevel
{
    Missing,
    Exact,

    /// <summary>Same name once particles, spacing or use/birth name are set aside; same names in another order.</summary>
    Equivalent,

    /// <summary>One part of a compound name, or one of several first names, in common.</summary>
    Partial,
    DayMonthSwapped,
    OneDigitOff,

    /// <summary>Same birth year, and the same month or the same day.</summary>
    SameYear,

    /// <summary>Same birth year only: another day and another month (two slips at once, or two people).</summary>
    YearOnly,

    /// <summary>Jaro-Winkler at least 0.92: a typing error.</summary>
    FuzzyHigh,

    /// <summary>Same French sound (Soundex2 skeleton), different spelling.</summary>
    Phonetic,

    /// <summary>Jaro-Winkler at least 0.85.</summary>
    FuzzyLow,
    SameDepartement,
    Different,
}
