namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// Which cells of one family's members are withheld over one year: member m's period p's cell c at
/// <c>((m * periods) + p) * IndicatorCells.Width + c</c>, as <see cref="CrossCallSuppression"/> lays them out.
/// </summary>
internal sealed class FamilyDecision(IReadOnlyList<string> members, bool[] suppressed, int periods)
{
    /// <returns>For each period, which of the member's cells are withheld; null when the member was not decided (it has no row).</returns>
    public bool[][]? Suppressed(string member)
    {
        var m = IndexOf(member);
        if (m < 0)
        {
            return null;
        }

        var width = IndicatorCells.Width;
        var result = new bool[periods][];
        for (var p = 0; p < periods; p++)
        {
            var start = ((m * periods) + p) * width;
            result[p] = suppressed[start..(start + width)];
        }

        return result;
    }

    private int IndexOf(string member)
    {
        for (var m = 0; m < members.Count; m++)
        {
            if (string.Equals(members[m], member, StringComparison.Ordinal))
            {
                return m;
            }
        }

        return -1;
    }
}
