using System.Text.Json;
using System.Text.Json.Serialization;
using Interop.Hub.Core.Cotation.Scoring;
using Interop.Hub.Storage.Cotation;

namespace Interop.Hub.Cotation;

/// <summary>
/// The explanation and rubric points of a stored score, as <c>cotation_scores</c> keeps them (JSON), and
/// the score read back: the same lines, in the same order, as the core computed them.
/// </summary>
internal static class StoredScoreJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Lines(CotationScore score) =>
        JsonSerializer.Serialize(score.Lines.Select(line => new StoredLine(line.RubricId, line.CriterionId, (int)line.Status, line.Points, line.Text)), Options);

    public static string Rubrics(CotationScore score) =>
        JsonSerializer.Serialize(score.Rubrics.Select(rubric => new StoredRubric(rubric.RubricId, rubric.Label, rubric.Points)), Options);

    /// <summary>The stored score as the score of <paramref name="day"/>, a day it serves (ScoreFreshness.Serves).</summary>
    public static CotationScore ToScore(StoredScoreRow row, DateOnly day) => new()
    {
        Number = row.ApplicationNumber,
        GridId = row.GridId,
        GridVersion = row.GridVersion,
        Day = day,
        Total = row.Total,
        Rubrics = (JsonSerializer.Deserialize<List<StoredRubric>>(row.Rubrics, Options) ?? [])
            .Select(rubric => new RubricPoints(rubric.RubricId, rubric.Label, rubric.Points))
            .ToList(),
        Lines = (JsonSerializer.Deserialize<List<StoredLine>>(row.Lines, Options) ?? [])
            .Select(line => new ScoreLine(line.RubricId, line.CriterionId, (LineStatus)line.Status, line.Points, line.Text))
            .ToList(),
    };

    private sealed record StoredLine(string? RubricId, string? CriterionId, int Status, decimal Points, string Text);

    private sealed record StoredRubric(string RubricId, string Label, decimal Points);
}
