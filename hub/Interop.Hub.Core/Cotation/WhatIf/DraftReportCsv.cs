using System.Globalization;
using System.Text;
using Interop.Hub.Core.Cotation.Ranking;

namespace Interop.Hub.Core.Cotation.WhatIf;

/// <summary>
/// The rows of a <see cref="DraftReport"/> as CSV (RFC 4180, comma, invariant decimal point, one header
/// line): <c>number,typologies,priority_class,current_points,draft_points,points_delta,current_rank,draft_rank,rank_move</c>.
/// Typologies are joined with <c>|</c>. Only the rows the reader may see are written (not even a row
/// without its number for the others: typologies, priority class and points of an application of another
/// territory are still about a household).
/// </summary>
public static class DraftReportCsv
{
    public const string Header = "number,typologies,priority_class,current_points,draft_points,points_delta,current_rank,draft_rank,rank_move";

    public static IEnumerable<string> Lines(DraftReport report, Func<string, bool> mayShow)
    {
        yield return Header;
        var line = new StringBuilder(96);
        foreach (var row in report.Rows.Where(row => mayShow(row.Number)))
        {
            line.Clear()
                .Append(row.Number).Append(',')
                .AppendJoin('|', row.Typologies.Select(Typologies.Label)).Append(',')
                .Append(PriorityClasses.Code(row.Priority)).Append(',')
                .Append(Points(row.CurrentTotal)).Append(',')
                .Append(Points(row.DraftTotal)).Append(',')
                .Append(Points(row.PointsDelta)).Append(',')
                .Append(row.CurrentRank.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.DraftRank.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(row.RankMove.ToString(CultureInfo.InvariantCulture));
            yield return line.ToString();
        }
    }

    public static string Points(decimal points) => points.ToString("0.##", CultureInfo.InvariantCulture);
}
