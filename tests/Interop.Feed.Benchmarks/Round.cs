namespace Interop.Feed.Benchmarks;

/// <summary>
/// One round of the comparison (--rounds): the writers alone, with one subscriber, with the most, and
/// the writers alone again (<see cref="After"/>, which is also the next round's <see cref="None"/>).
/// </summary>
/// <remarks>
/// The two phases without subscribers bracket the round: "without subscribers" is both of them together,
/// so a machine that grows busier during the round (other builds starting) no longer counts against the
/// phase that comes last; and the second one ÷ the first is the same phase measured twice (A/A), the noise
/// any other ratio of the round has to be read against.
/// </remarks>
internal sealed record Round(Phase None, Phase One, Phase Most, Phase After)
{
    public double RateRatio => Most.Writes.PerSecond / One.Writes.PerSecond;

    /// <summary>The other client's unary latencies of both phases without subscribers.</summary>
    public List<double> WithoutUnaryMs => [.. None.UnaryMs, .. After.UnaryMs];

    public double WithoutP99 => Stats.Percentile(WithoutUnaryMs, 99);

    public double WithoutP50 => Stats.Percentile(WithoutUnaryMs, 50);

    public double UnaryP99Ratio => Most.UnaryP99 / WithoutP99;

    public double UnaryP50Ratio => Most.UnaryP50 / WithoutP50;

    /// <summary>The one-subscriber phase against the same reference: the fan-out of one stream, almost nothing.</summary>
    public double OneP99Ratio => One.UnaryP99 / WithoutP99;

    /// <summary>The second phase without subscribers ÷ the first: how far two identical phases differ.</summary>
    public double SameP99Ratio => After.UnaryP99 / None.UnaryP99;

    public double SameP50Ratio => After.UnaryP50 / None.UnaryP50;
}
