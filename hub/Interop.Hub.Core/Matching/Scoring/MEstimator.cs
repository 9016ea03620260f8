namespace Interop.Hub.Core.Matching.Scoring;

/// <summary>
/// Re-estimates m (the chance that one person's two records agree at a level) from the candidate
/// pairs of the file at hand. For each identity field, the pairs that are certain even when that
/// field is left out are the same person whatever the field says, so the levels the field shows on
/// them are how this file's desks mistyped it. Stocks differ: one landlord's file has a surname typo
/// in one pair out of twenty, another's rewrites birth dates; hand-set m would either miss the
/// second's duplicates or over-link the first's. Each estimate is blended with the hand-set m as if
/// <see cref="PriorPairs"/> pairs had shown it, so a small file barely moves the model, and vetoed
/// pairs (twins, parent and child) never count as the same person.
/// </summary>
public static class MEstimator
{
    /// <summary>Weight of the hand-set m in each estimate, in pairs.</summary>
    public const int PriorPairs = 100;

    // Identity fields only: household fields are capped together, so leaving one out says little.
    private static readonly MatchField[] Estimated =
    [
        MatchField.Surname, MatchField.FirstNames, MatchField.BirthDate, MatchField.Sex, MatchField.BirthPlace,
        MatchField.Nir, MatchField.Nationality,
    ];

    private static readonly int FieldCount = Enum.GetValues<MatchField>().Length;
    private static readonly int LevelCount = Enum.GetValues<MatchLevel>().Length;

    /// <summary>The matcher's model with m re-estimated on <paramref name="candidates"/> (pairs sharing a blocking key).</summary>
    public static MatchModel Estimate(Matcher matcher, IEnumerable<(PreparedIdentity Left, PreparedIdentity Right)> candidates)
    {
        var model = matcher.Model;
        var counts = new long[FieldCount, LevelCount];
        var totals = new long[FieldCount];
        Span<FieldScore> fields = stackalloc FieldScore[FieldCount];
        foreach (var (left, right) in candidates)
        {
            var score = matcher.ScoreFields(left, right, fields);
            if (score.Veto != MatchVeto.None)
            {
                continue;
            }

            foreach (var field in Estimated)
            {
                var level = fields[(int)field];
                if (level.Level != MatchLevel.Missing && score.Total - level.Weight >= model.CertainThreshold)
                {
                    counts[(int)field, (int)level.Level]++;
                    totals[(int)field]++;
                }
            }
        }

        var estimates = new List<(MatchField, MatchLevel, double)>();
        foreach (var field in Estimated)
        {
            if (totals[(int)field] == 0)
            {
                continue;
            }

            foreach (var level in Enum.GetValues<MatchLevel>())
            {
                if (level != MatchLevel.Missing && model.Applies(field, level))
                {
                    var m = (counts[(int)field, (int)level] + (PriorPairs * model.M(field, level))) / (totals[(int)field] + PriorPairs);
                    estimates.Add((field, level, m));
                }
            }
        }

        return model.WithM(estimates);
    }
}
