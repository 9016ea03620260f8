using System.Globalization;
using System.Text.Json;
using Interop.Hub.Core.Matching;
using Interop.Hub.Registry;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Matching;

/// <summary>
/// Match results to the contract. The values compared are shown only to a
/// caller who may read the candidate: others learn the number and how well each
/// field agrees, never the content (domain §13.3).
/// </summary>
internal static class MatchMapper
{
    public static V1.MatchCandidate ToProto(DuplicateMatch match, bool showValues) => new()
    {
        Application = ApplicationMapper.ResourceName(match.Candidate.Number),
        Outcome = Outcome(match.Result.Outcome),
        Score = Math.Round(match.Result.Total, 2),
        Fields = { match.Result.Fields.Select(f => Field(f, showValues)) },
        Explanation = Explain(match.Result, showValues),
    };

    public static V1.MatchOutcome Outcome(MatchOutcome outcome) => outcome switch
    {
        MatchOutcome.Certain => V1.MatchOutcome.Certain,
        MatchOutcome.Probable => V1.MatchOutcome.Probable,
        _ => V1.MatchOutcome.Distinct,
    };

    public static string Explain(MatchResult result, bool showValues) => showValues
        ? result.Explanation
        : string.Join('\n', result.Fields.Select(f =>
              $"{Explanations.FieldName(f.Field)} : {Explanations.LevelName(f.Level)} {f.Weight.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)}")
            .Append(Explanations.OutcomeName(result.Outcome)));

    /// <summary>The fields of a comparison as stored with a review item (operators may read both applications).</summary>
    public static string FieldsJson(MatchResult result) => JsonSerializer.Serialize(
        result.Fields.Select(f => new StoredField(Explanations.FieldName(f.Field), Explanations.LevelName(f.Level), f.Weight, f.Left, f.Right)).ToList());

    public static IEnumerable<V1.FieldMatch> FieldsFromJson(string json, bool showValues) =>
        (JsonSerializer.Deserialize<List<StoredField>>(json) ?? []).Select(f => new V1.FieldMatch
        {
            Field = f.Field,
            Level = f.Level,
            Weight = f.Weight,
            LeftValue = showValues ? f.Left : "",
            RightValue = showValues ? f.Right : "",
        });

    private static V1.FieldMatch Field(FieldComparison field, bool showValues) => new()
    {
        Field = Explanations.FieldName(field.Field),
        Level = Explanations.LevelName(field.Level),
        Weight = Math.Round(field.Weight, 2),
        LeftValue = showValues ? field.Left : "",
        RightValue = showValues ? field.Right : "",
    };

    private sealed record StoredField(string Field, string Level, double Weight, string Left, string Right);
}
