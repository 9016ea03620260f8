namespace Interop.NationalExchange.Progress;

/// <summary>Where a run stands: <paramref name="Done"/> of about <paramref name="Total"/> units of <paramref name="Stage"/>.</summary>
/// <param name="Stage"><c>export</c> (units: positions of the feed read, of the range to the head at the start) or <c>import</c> (units: lines of the return file).</param>
/// <param name="Done">Units done so far.</param>
/// <param name="Total">Units in all (for the export, an upper bound fixed at the start: changes of other kinds and gaps count too).</param>
public readonly record struct ExchangeProgress(string Stage, long Done, long Total)
{
    /// <summary>Done as a share of the total, from 0 to 1 (1 when there is nothing to do).</summary>
    public double Fraction => Total <= 0 ? 1 : Math.Clamp((double)Done / Total, 0, 1);
}
