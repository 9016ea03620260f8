namespace Interop.Hub.Core.Applications;

/// <summary>Resources of the household, in whole euros.</summary>
public sealed record Resources
{
    public long MonthlyIncomeEur { get; init; }

    public long ReferenceTaxableIncomeEur { get; init; }

    /// <summary>Tax year of the reference taxable income; 0 when not given.</summary>
    public int ReferenceTaxYear { get; init; }
}
