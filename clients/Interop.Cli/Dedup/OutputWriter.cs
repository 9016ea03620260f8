using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Matching.Batch;
using nietras.SeparatedValues;

namespace Interop.Cli.Dedup;

/// <summary>Writes the clusters and, on request, the linked pairs with their explanations (CSV, quoted where needed).</summary>
internal static class OutputWriter
{
    /// <summary><c>record_id,cluster_id</c> for every input row, in input order; a cluster is named after its first record.</summary>
    public static void WriteClusters(string path, IReadOnlyList<PersonIdentity> people, BatchResult result)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(path);
        for (var i = 0; i < people.Count; i++)
        {
            using var row = writer.NewRow();
            row["record_id"].Set(people[i].Id);
            row["cluster_id"].Set(people[result.ClusterOf[i]].Id);
        }
    }

    /// <summary><c>left_id,right_id,outcome,total,explanation</c> for every linked pair, explanation lines joined by " | ".</summary>
    public static void WritePairs(string path, BatchResult result)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(path);
        foreach (var pair in result.LinkedPairs)
        {
            var explained = result.Explain(pair);
            using var row = writer.NewRow();
            row["left_id"].Set(explained.LeftId);
            row["right_id"].Set(explained.RightId);
            row["outcome"].Set(explained.Outcome.ToString().ToLowerInvariant());
            row["total"].Set(explained.Total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
            row["explanation"].Set(explained.Explanation.ReplaceLineEndings(" | "));
        }
    }
}
