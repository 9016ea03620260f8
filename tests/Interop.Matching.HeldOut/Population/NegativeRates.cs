namespace Interop.Matching.HeldOut.Population;

/// <summary>How often a person of the population brings a hard negative with them (README.md lists them).</summary>
internal static class NegativeRates
{
    public const double Namesake = 0.04;
    public const double Twin = 0.015;

    /// <summary>Of people born in 1975 or before.</summary>
    public const double ParentChild = 0.02;

    /// <summary>Of married women (not widowed): their husband is in the file too.</summary>
    public const double Spouse = 0.4;

    public const double TwinSharesPhone = 0.5;
    public const double TwinSharesEmail = 0.4;
    public const double ChildSharesPhone = 0.4;
    public const double ChildSharesEmail = 0.2;
    public const double SpouseSharesPhone = 0.5;
    public const double SpouseSharesEmail = 0.5;

    // Of women old enough: married (using the husband's name), and of those over 60, widowed.
    public const double Married = 0.45;
    public const double Widowed = 0.25;
    public const double BornAbroad = 0.12;
    public const double BornInFormerCommune = 0.08;
}
