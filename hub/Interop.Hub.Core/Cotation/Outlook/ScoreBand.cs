namespace Interop.Hub.Core.Cotation.Outlook;

/// <summary>
/// The scores called « similar » to one score: within 10 % of it either side, and never narrower than
/// 5 points either side (bounds included). Relative so that it fits grids on any scale (a few dozen points
/// in Caen, several hundred in Paris); the floor keeps a low score from having almost no neighbours.
/// </summary>
public sealed record ScoreBand(decimal Low, decimal High)
{
    public const decimal RelativeWidth = 0.10m;

    public const decimal MinimumHalfWidth = 5m;

    public static ScoreBand Around(decimal score)
    {
        var half = Math.Max(MinimumHalfWidth, Math.Abs(score) * RelativeWidth);
        return new ScoreBand(score - half, score + half);
    }

    public bool Contains(decimal score) => score >= Low && score <= High;
}
