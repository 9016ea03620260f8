namespace Interop.Feed.Benchmarks;

/// <summary>One round of the comparison (--rounds): the writers alone, with one subscriber, and with the most.</summary>
internal sealed record Round(Phase None, Phase One, Phase Most)
{
    public double RateRatio => Most.Writes.PerSecond / One.Writes.PerSecond;

    public double UnaryP99Ratio => Most.UnaryP99 / None.UnaryP99;
}
