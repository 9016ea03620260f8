namespace Interop.Hub.Core.Matching.Scoring;

/// <summary>
/// The Fellegi–Sunter model: for every field and level, m = P(level | same person) and
/// u = P(level | different people); the level weighs log2(m/u) bits and a pair's total is the sum.
/// Defaults are set by hand for French registries; <see cref="UEstimator"/> re-estimates u on the
/// data at hand (random pairs, Splink's approach) and, in batch mode, <see cref="MEstimator"/>
/// re-estimates m on the pairs the other fields already prove (how this file's desks mistyped).
/// </summary>
public sealed record MatchModel
{
    private static readonly int FieldCount = Enum.GetValues<MatchField>().Length;
    private static readonly int LevelCount = Enum.GetValues<MatchLevel>().Length;

    private readonly double[] m;
    private readonly double[] u;

    // log2(m/u) of every level, computed once: scoring a pair reads thirteen numbers, no logarithm.
    private readonly double[] weights;

    private MatchModel(double[] m, double[] u)
    {
        this.m = m;
        this.u = u;
        weights = new double[m.Length];
        for (var i = 0; i < m.Length; i++)
        {
            weights[i] = double.IsNaN(m[i]) ? 0 : Math.Log2(m[i] / u[i]);
        }
    }

    /// <summary>At or above this total, the same person beyond reasonable doubt.</summary>
    public double CertainThreshold { get; init; } = 20;

    /// <summary>
    /// Bits above <see cref="CertainThreshold"/> a pair needs to be certain when two of surname,
    /// first names and birth date are imperfect (a dropped first name and a slip in the day).
    /// </summary>
    public double SecondImperfectionBits { get; init; } = 6;

    /// <summary>At or above this total (and below certain), a human should look.</summary>
    public double ProbableThreshold { get; init; } = 12;

    /// <summary>
    /// Address, postcode, commune, e-mail and phone are shared by a whole household (a parent and
    /// the adult child with the same names, spouses): together they add at most this many bits.
    /// </summary>
    public double HouseholdEvidenceCap { get; init; } = 8;

    /// <summary>Bits taken off when the names only agree once first and last name are swapped.</summary>
    public double SwapPenalty { get; init; } = 1;

    /// <summary>Bits taken off when two men's surnames differ: only women commonly take a married name.</summary>
    public double MaleSurnameChangePenalty { get; init; } = 6;

    /// <summary>
    /// Whether the family rules of <see cref="MatchVeto"/> apply (twins, parent and child). On for
    /// people registered in France; a data set without families (FEBRL) may turn them off.
    /// </summary>
    public bool FamilyVetoes { get; init; } = true;

    /// <summary>u of a name agreement is never taken below this share, so one rare name cannot decide alone.</summary>
    public double MinimumNameShare { get; init; } = 2e-5;

    /// <summary>Hand-set m and u for French registries.</summary>
    public static MatchModel Default { get; } = BuildDefault();

    public static IEnumerable<MatchLevel> LevelsOf(MatchField field) =>
        Enum.GetValues<MatchLevel>().Where(level => level != MatchLevel.Missing && Default.Applies(field, level));

    public bool Applies(MatchField field, MatchLevel level) => !double.IsNaN(m[Index(field, level)]);

    public double M(MatchField field, MatchLevel level) => m[Index(field, level)];

    public double U(MatchField field, MatchLevel level) => u[Index(field, level)];

    /// <summary>log2(m/u) of the level; 0 when a side is missing or the level does not apply.</summary>
    public double Weight(MatchField field, MatchLevel level)
    {
        return level == MatchLevel.Missing ? 0 : weights[Index(field, level)];
    }

    /// <summary>log2(m/u) with u replaced by a name's own share (term-frequency adjustment).</summary>
    public double WeightWithShare(MatchField field, MatchLevel level, double share)
    {
        if (share <= 0)
        {
            return Weight(field, level);
        }

        return Math.Log2(M(field, level) / Math.Max(share, MinimumNameShare));
    }

    /// <summary>A copy with new u values for some levels (each between 0 and 1 exclusive).</summary>
    public MatchModel WithU(IEnumerable<(MatchField Field, MatchLevel Level, double U)> values) => With(m, Replaced(u, values));

    /// <summary>A copy with new m values for some levels (each between 0 and 1 exclusive).</summary>
    public MatchModel WithM(IEnumerable<(MatchField Field, MatchLevel Level, double M)> values) => With(Replaced(m, values), u);

    private static double[] Replaced(double[] source, IEnumerable<(MatchField Field, MatchLevel Level, double Value)> values)
    {
        var copy = (double[])source.Clone();
        foreach (var (field, level, value) in values)
        {
            copy[Index(field, level)] = Math.Clamp(value, 1e-9, 1 - 1e-9);
        }

        return copy;
    }

    private MatchModel With(double[] newM, double[] newU)
    {
        return new MatchModel(newM, newU)
        {
            CertainThreshold = CertainThreshold,
            ProbableThreshold = ProbableThreshold,
            HouseholdEvidenceCap = HouseholdEvidenceCap,
            SwapPenalty = SwapPenalty,
            FamilyVetoes = FamilyVetoes,
            MaleSurnameChangePenalty = MaleSurnameChangePenalty,
            SecondImperfectionBits = SecondImperfectionBits,
            MinimumNameShare = MinimumNameShare,
        };
    }

    private static int Index(MatchField field, MatchLevel level) => ((int)field * LevelCount) + (int)level;

    private static MatchModel BuildDefault()
    {
        var m = new double[FieldCount * LevelCount];
        var u = new double[FieldCount * LevelCount];
        Array.Fill(m, double.NaN);
        Array.Fill(u, double.NaN);

        void Set(MatchField field, params (MatchLevel Level, double M, double U)[] levels)
        {
            foreach (var (level, mValue, uValue) in levels)
            {
                m[Index(field, level)] = mValue;
                u[Index(field, level)] = uValue;
            }
        }

        // Names: u of Exact is the average chance two strangers share a surname (Σ share²); the
        // name's own share replaces it when frequencies are known.
        Set(MatchField.Surname,
            (MatchLevel.Exact, 0.80, 0.002), (MatchLevel.Equivalent, 0.05, 0.0005), (MatchLevel.Partial, 0.03, 0.0005),
            (MatchLevel.FuzzyHigh, 0.06, 0.002), (MatchLevel.Phonetic, 0.02, 0.003), (MatchLevel.FuzzyLow, 0.02, 0.01),
            (MatchLevel.Different, 0.02, 0.98));
        Set(MatchField.FirstNames,
            (MatchLevel.Exact, 0.80, 0.008), (MatchLevel.Equivalent, 0.03, 0.0005), (MatchLevel.Partial, 0.06, 0.004),
            (MatchLevel.FuzzyHigh, 0.05, 0.004), (MatchLevel.Phonetic, 0.02, 0.006), (MatchLevel.FuzzyLow, 0.02, 0.015),
            (MatchLevel.Different, 0.02, 0.96));
        Set(MatchField.BirthDate,
            (MatchLevel.Exact, 0.90, 4e-5), (MatchLevel.DayMonthSwapped, 0.02, 2e-5), (MatchLevel.OneDigitOff, 0.06, 5e-4),
            (MatchLevel.SameYear, 0.003, 0.0025), (MatchLevel.YearOnly, 0.003, 0.011), (MatchLevel.Different, 0.01, 0.986));
        Set(MatchField.Sex, (MatchLevel.Exact, 0.98, 0.5), (MatchLevel.Different, 0.02, 0.5));
        // Birth places are compared once resolved through the geography (former codes, names): two
        // known places of one person that still differ are a wrong code typed, about one record in a
        // hundred, while strangers differ almost always. A namesake born elsewhere must lose on it.
        Set(MatchField.BirthPlace,
            (MatchLevel.Exact, 0.93, 0.01), (MatchLevel.SameDepartement, 0.06, 0.05), (MatchLevel.Different, 0.01, 0.94));
        Set(MatchField.Nir,
            (MatchLevel.Exact, 0.95, 1e-6), (MatchLevel.OneDigitOff, 0.03, 1e-5), (MatchLevel.Different, 0.02, 0.99999));
        Set(MatchField.Nationality, (MatchLevel.Exact, 0.97, 0.8), (MatchLevel.Different, 0.03, 0.2));
        Set(MatchField.Email, (MatchLevel.Exact, 0.6, 1e-5), (MatchLevel.Different, 0.4, 0.99999));
        Set(MatchField.Phone, (MatchLevel.Exact, 0.6, 1e-5), (MatchLevel.Different, 0.4, 0.99999));
        Set(MatchField.Address,
            (MatchLevel.Exact, 0.6, 1e-4), (MatchLevel.FuzzyHigh, 0.2, 1e-3), (MatchLevel.FuzzyLow, 0.05, 0.01),
            (MatchLevel.Different, 0.15, 0.989));
        // Residence: u is the chance two strangers of one département's stock (the hub compares
        // within a département) share a postcode or a commune; a city's postcode holds a good share of it.
        Set(MatchField.Postcode, (MatchLevel.Exact, 0.7, 0.03), (MatchLevel.Different, 0.3, 0.97));
        Set(MatchField.Commune,
            (MatchLevel.Exact, 0.7, 0.03), (MatchLevel.FuzzyHigh, 0.1, 0.01), (MatchLevel.FuzzyLow, 0.05, 0.02),
            (MatchLevel.Different, 0.15, 0.94));
        Set(MatchField.CoApplicant,
            (MatchLevel.Exact, 0.8, 1e-4), (MatchLevel.Partial, 0.1, 1e-3), (MatchLevel.Different, 0.1, 0.999));
        return new MatchModel(m, u);
    }
}
