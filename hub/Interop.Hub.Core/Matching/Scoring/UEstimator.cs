using Interop.Hub.Core.Matching.Normalisation;

namespace Interop.Hub.Core.Matching.Scoring;

/// <summary>
/// Re-estimates u (the chance that two different people agree at a level) from random pairs of the
/// data at hand: random pairs are almost all non-matches. A level seen fewer than
/// <see cref="MinimumObservations"/> times keeps its default, so rare levels are not set to zero.
/// </summary>
public static class UEstimator
{
    public const int MinimumObservations = 30;

    public static MatchModel Estimate(MatchModel model, IReadOnlyList<NormalizedIdentity> people, int pairs = 300_000, int seed = 17)
    {
        if (people.Count < 2)
        {
            return model;
        }

        var fields = Enum.GetValues<MatchField>();
        var levels = Enum.GetValues<MatchLevel>().Length;
        var counts = new long[fields.Length, levels];
        var random = new Random(seed);
        for (var n = 0; n < pairs; n++)
        {
            var i = random.Next(people.Count);
            var j = random.Next(people.Count - 1);
            if (j >= i)
            {
                j++;
            }

            var a = people[i];
            var b = people[j];
            Count(counts, MatchField.Surname, FieldComparers.Surnames(a, b, out _, out _));
            if (a.FirstNames is not null && b.FirstNames is not null)
            {
                Count(counts, MatchField.FirstNames, FieldComparers.FirstNames(a.FirstNames, b.FirstNames));
            }

            Count(counts, MatchField.BirthDate, FieldComparers.BirthDate(a.BirthDate, b.BirthDate));
            if (a.BirthPlace is not null && b.BirthPlace is not null)
            {
                Count(counts, MatchField.BirthPlace, FieldComparers.BirthPlace(a.BirthPlace, b.BirthPlace));
            }

            Count(counts, MatchField.Address, FieldComparers.Text(a.Address, b.Address));
            Count(counts, MatchField.Postcode, FieldComparers.Exactly(a.Postcode, b.Postcode));
            Count(counts, MatchField.Commune, FieldComparers.Text(a.Commune, b.Commune));
            Count(counts, MatchField.Nationality, FieldComparers.Exactly(a.Nationality, b.Nationality));
        }

        var estimates = new List<(MatchField, MatchLevel, double)>();
        foreach (var field in fields)
        {
            long observed = 0;
            for (var level = 1; level < levels; level++)
            {
                observed += counts[(int)field, level];
            }

            for (var level = 1; level < levels; level++)
            {
                var count = counts[(int)field, level];
                if (count >= MinimumObservations && model.Applies(field, (MatchLevel)level))
                {
                    estimates.Add((field, (MatchLevel)level, (double)count / observed));
                }
            }
        }

        return model.WithU(estimates);
    }

    private static void Count(long[,] counts, MatchField field, MatchLevel level)
    {
        if (level != MatchLevel.Missing)
        {
            counts[(int)field, (int)level]++;
        }
    }
}
