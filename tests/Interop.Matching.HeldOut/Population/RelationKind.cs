namespace Interop.Matching.HeldOut.Population;

/// <summary>The hard negatives: two different people built to look alike.</summary>
internal enum RelationKind
{
    /// <summary>Same surname and first names, same birth year, another day and month, another birth place.</summary>
    Namesake,

    /// <summary>Same surname, birth date and birth place, another first name, same home and often same contacts.</summary>
    Twin,

    /// <summary>Parent and child with the same surname and first names, same home, 20–40 years apart.</summary>
    ParentChild,

    /// <summary>Husband and wife: her use name is his surname, same home, often the same e-mail or phone.</summary>
    Spouse,
}
