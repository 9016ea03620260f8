using Interop.Hub.Core.Matching.Blocking;
using Interop.Hub.Core.Matching.Geography;
using Interop.Hub.Core.Matching.Normalisation;
using Interop.Hub.Core.Matching.Scoring;

namespace Interop.Hub.Core.Matching;

/// <summary>
/// The matching core: prepares people, scores pairs (Fellegi–Sunter with name frequencies and family
/// vetoes), explains decisions and produces the blocking keys that find candidates. Pure and thread-safe.
/// </summary>
public sealed class Matcher
{
    private static readonly int FieldCount = Enum.GetValues<MatchField>().Length;
    private readonly IdentityNormalizer normalizer;
    private readonly INameFrequencies frequencies;
    private readonly IDeclaredDistinctPairs declaredDistinct;

    public Matcher(
        MatchModel? model = null,
        INameFrequencies? frequencies = null,
        ICommuneDirectory? communes = null,
        IDeclaredDistinctPairs? declaredDistinct = null)
    {
        Model = model ?? MatchModel.Default;
        this.frequencies = frequencies ?? NameFrequencies.None;
        normalizer = new IdentityNormalizer(communes);
        this.declaredDistinct = declaredDistinct ?? DeclaredDistinctPairs.None;
        bestBirthPlace = BestWeight(MatchField.BirthPlace);
        bestNationality = BestWeight(MatchField.Nationality);
        bestCoApplicant = BestWeight(MatchField.CoApplicant);
    }

    // The most each field compared after names, dates, sex and NIR can add: lets batch mode drop a pair early.
    private readonly double bestBirthPlace;
    private readonly double bestNationality;
    private readonly double bestCoApplicant;

    public MatchModel Model { get; }

    public IdentityNormalizer Normalizer => normalizer;

    public PreparedIdentity Prepare(PersonIdentity person) => Prepare(normalizer.Normalize(person));

    public PreparedIdentity Prepare(NormalizedIdentity person) => new(
        person,
        person.UseName is { } use ? frequencies.SurnameShare(use.Core) : 0,
        person.BirthName is { } birth ? frequencies.SurnameShare(birth.Core) : 0,
        person.FirstNames is { } first ? frequencies.FirstNameShare(first.Primary) : 0);

    /// <summary>The keys under which this person is indexed; two people are compared when they share one.</summary>
    public static IReadOnlyList<string> BlockingKeys(PreparedIdentity person) => BlockingKeyBuilder.For(person.Normalized);

    /// <summary>Total and decision, without building the explanation (batch hot path).</summary>
    public PairScore Score(PreparedIdentity left, PreparedIdentity right)
    {
        Span<FieldScore> fields = stackalloc FieldScore[FieldCount];
        return Evaluate(left, right, fields, out _, stopEarly: true);
    }

    /// <summary>Total, decision and every field's level and weight, without the explanation (model estimation).</summary>
    internal PairScore ScoreFields(PreparedIdentity left, PreparedIdentity right, Span<FieldScore> fields) =>
        Evaluate(left, right, fields, out _, stopEarly: false);

    /// <summary>The full comparison with its explanation.</summary>
    public MatchResult Compare(PreparedIdentity left, PreparedIdentity right)
    {
        Span<FieldScore> fields = stackalloc FieldScore[FieldCount];
        var score = Evaluate(left, right, fields, out var swapped, stopEarly: false);
        var lines = new List<FieldComparison>();
        for (var i = 0; i < FieldCount; i++)
        {
            var field = (MatchField)i;
            var (a, b) = Displayed(field, left.Normalized, right.Normalized, swapped);
            if (fields[i].Level == MatchLevel.Missing && a.Length == 0 && b.Length == 0)
            {
                continue;
            }

            lines.Add(new FieldComparison(field, fields[i].Level, Math.Round(fields[i].Weight, 2), a, b));
        }

        var notes = new List<string>();
        if (swapped)
        {
            notes.Add($"nom et prénom inversés sur l'une des fiches ({-Model.SwapPenalty:+0.0;-0.0})");
        }

        if (!swapped && fields[(int)MatchField.Surname].Level is not MatchLevel.Missing and < MatchLevel.Different &&
            left.Normalized.BirthName is { } birthA && right.Normalized.BirthName is { } birthB &&
            FieldComparers.Surname(birthA, birthB) == MatchLevel.Different)
        {
            notes.Add("nom d'usage et nom de naissance inversés sur l'une des fiches");
        }

        if (fields[(int)MatchField.Surname].Level is not MatchLevel.Missing and < MatchLevel.Different &&
            (left.ShareOf(left.Normalized.UseName) > 0 || right.ShareOf(right.Normalized.UseName) > 0))
        {
            notes.Add("poids des noms ajusté à leur fréquence");
        }

        if (score.Outcome == MatchOutcome.Probable && score.Total >= Model.CertainThreshold)
        {
            notes.Add("nom, prénoms et date ne concordent pas assez pour refuser d'office : à vérifier par un opérateur (sauf même NIR)");
        }

        var householdRaw = HouseholdSum(fields);
        if (householdRaw > Model.HouseholdEvidenceCap)
        {
            notes.Add($"adresse et contacts plafonnés à {Model.HouseholdEvidenceCap:+0.0} (partagés par tout un ménage)");
        }

        switch (score.Veto)
        {
            case MatchVeto.DeclaredDistinct:
                notes.Add("déclarés « ménages différents » par un opérateur : jamais reproposés");
                break;
            case MatchVeto.UnrelatedFirstNames:
                notes.Add("même nom mais prénoms sans rapport : frères et sœurs, jumeaux ou conjoints (sauf même NIR)");
                break;
            case MatchVeto.DifferentBirthNames:
                notes.Add("noms de naissance différents : un nom de naissance ne change pas (sauf même NIR)");
                break;
            case MatchVeto.UnrelatedNames:
                notes.Add("nom et prénoms sans rapport : deux personnes, même née le même jour ou avec les mêmes contacts (sauf même NIR)");
                break;
            case MatchVeto.DistantBirthDates:
                notes.Add("mêmes noms mais dates de naissance sans rapport : parent et enfant ou homonymes (sauf même NIR)");
                break;
        }

        return new MatchResult(left.Id, right.Id, score.Outcome, Math.Round(score.Total, 2), lines, notes);
    }

    public MatchResult Compare(PersonIdentity left, PersonIdentity right) => Compare(Prepare(left), Prepare(right));

    /// <param name="stopEarly">
    /// Batch hot path: stop once the pair is vetoed or cannot reach the probable threshold even if
    /// every remaining field agreed; the total is then the partial sum (the outcome is exact).
    /// </param>
    private PairScore Evaluate(PreparedIdentity left, PreparedIdentity right, Span<FieldScore> fields, out bool swapped, bool stopEarly)
    {
        var a = left.Normalized;
        var b = right.Normalized;
        fields.Clear();
        swapped = false;

        // Names, straight, then swapped when the straight alignment looks poor.
        var surname = FieldComparers.Surnames(a, b, out var formA, out _);
        var first = a.FirstNames is not null && b.FirstNames is not null
            ? FieldComparers.FirstNames(a.FirstNames, b.FirstNames)
            : MatchLevel.Missing;
        if (a.Sex != '\0' && b.Sex != '\0' && a.Sex != b.Sex && first is MatchLevel.FuzzyHigh or MatchLevel.Phonetic or MatchLevel.FuzzyLow)
        {
            // Jean/Jeanne, Louis/Louise, Daniel/Danielle: close spelling, two different names.
            first = MatchLevel.Different;
        }

        var surnameWeight = surname is MatchLevel.Exact or MatchLevel.Equivalent
            ? Model.WeightWithShare(MatchField.Surname, surname, left.ShareOf(formA))
            : Model.Weight(MatchField.Surname, surname);
        var firstWeight = first == MatchLevel.Exact
            ? Model.WeightWithShare(MatchField.FirstNames, first, left.FirstNameShare)
            : Model.Weight(MatchField.FirstNames, first);

        // Swapped names leave both straight comparisons poor; trying the swap costs two more comparisons.
        // A desk that swaps the boxes of a person with a birth name still fills the birth name, so the
        // surnames may agree through it while the use names and the first names do not.
        if (first >= MatchLevel.Phonetic && (surname >= MatchLevel.Phonetic || UseNamesDifferBesideABirthName(a, b)))
        {
            TrySwapped(a, b, ref surname, ref first, ref surnameWeight, ref firstWeight, ref swapped);
        }

        if (surname == MatchLevel.Different && !swapped && a.Sex == 'M' && b.Sex == 'M')
        {
            // A man's surname rarely changes (no married name): its disagreement proves more.
            surnameWeight -= Model.MaleSurnameChangePenalty;
        }

        fields[(int)MatchField.Surname] = new FieldScore(surname, surnameWeight);
        fields[(int)MatchField.FirstNames] = new FieldScore(first, firstWeight);

        Set(fields, MatchField.BirthDate, FieldComparers.BirthDate(a.BirthDate, b.BirthDate));
        Set(fields, MatchField.Sex, a.Sex == '\0' || b.Sex == '\0' ? MatchLevel.Missing : a.Sex == b.Sex ? MatchLevel.Exact : MatchLevel.Different);
        Set(fields, MatchField.Nir, FieldComparers.Identifier(a.Nir, b.Nir));
        if (stopEarly)
        {
            var sure = 0.0;
            for (var i = 0; i < fields.Length; i++)
            {
                sure += fields[i].Weight;
            }

            var early = VetoOf(left, right, fields, complete: false);
            if (early != MatchVeto.None || sure + RemainingBound(a, b) < Model.ProbableThreshold)
            {
                return new PairScore(sure - (swapped ? Model.SwapPenalty : 0), MatchOutcome.Distinct, early);
            }
        }

        Set(fields, MatchField.BirthPlace, a.BirthPlace is null || b.BirthPlace is null ? MatchLevel.Missing : FieldComparers.BirthPlace(a.BirthPlace, b.BirthPlace));
        Set(fields, MatchField.Nationality, FieldComparers.Exactly(a.Nationality, b.Nationality));
        Set(fields, MatchField.Email, FieldComparers.Exactly(a.Email, b.Email));
        Set(fields, MatchField.Phone, FieldComparers.Exactly(a.Phone, b.Phone));
        Set(fields, MatchField.Address, FieldComparers.Street(a.Address, b.Address));
        var postcode = FieldComparers.Exactly(a.Postcode, b.Postcode);
        Set(fields, MatchField.Postcode, postcode);
        Set(fields, MatchField.Commune, FieldComparers.Commune(a.Commune, b.Commune, postcode));
        Set(fields, MatchField.CoApplicant, a.CoApplicant is null || b.CoApplicant is null ? MatchLevel.Missing : FieldComparers.CoApplicant(a.CoApplicant, b.CoApplicant));

        var total = 0.0;
        for (var i = 0; i < fields.Length; i++)
        {
            if (!IsHousehold((MatchField)i))
            {
                total += fields[i].Weight;
            }
        }

        total += Math.Min(HouseholdSum(fields), Model.HouseholdEvidenceCap);
        if (swapped)
        {
            total -= Model.SwapPenalty;
        }

        var veto = VetoOf(left, right, fields, complete: true);
        var outcome = veto != MatchVeto.None ? MatchOutcome.Distinct
            : total >= Model.CertainThreshold ? (BeyondDoubt(fields, swapped, total, a, b) ? MatchOutcome.Certain : MatchOutcome.Probable)
            : total >= Model.ProbableThreshold ? MatchOutcome.Probable
            : MatchOutcome.Distinct;
        return new PairScore(total, outcome, veto);
    }

    /// <summary>
    /// Whether a total can be certain: a registration is refused on it without anyone looking. The
    /// names and the birth date must be known and agree, each exactly or with a desk error (a typo, a
    /// surname's sound, a dropped or reordered first name, day and month swapped, one digit), at most one of them
    /// imperfect (two need <see cref="MatchModel.SecondImperfectionBits"/> more); a name merely
    /// close, or another surname altogether (a married name typed without the birth name), leaves
    /// the decision to an operator. Agreeing NIRs are enough alone. At 3 million applications
    /// those were how strangers came out certain.
    /// </summary>
    private bool BeyondDoubt(ReadOnlySpan<FieldScore> fields, bool swapped, double total, NormalizedIdentity a, NormalizedIdentity b)
    {
        if (fields[(int)MatchField.Nir].Level is MatchLevel.Exact or MatchLevel.OneDigitOff)
        {
            return true;
        }

        var surname = fields[(int)MatchField.Surname].Level;
        var first = fields[(int)MatchField.FirstNames].Level;
        var date = fields[(int)MatchField.BirthDate].Level;
        // First names that only sound alike, with the surname, the date and the place in common, are
        // twins as often as a desk's slip (Luna and Louane): a typo is certain, a sound is not.
        if (surname is MatchLevel.Missing or > MatchLevel.Phonetic || first is MatchLevel.Missing or > MatchLevel.FuzzyHigh ||
            date is MatchLevel.SameYear or MatchLevel.YearOnly or MatchLevel.Different)
        {
            return false;
        }

        // Names with no birth date to compare are a parent and the child named after them as often as
        // one person typed twice (they share the phone and the address): in the tuning set such pairs
        // came out certain on rare names alone. Without the date, the birth place must agree.
        if (date == MatchLevel.Missing && fields[(int)MatchField.BirthPlace].Level != MatchLevel.Exact)
        {
            return false;
        }

        // "Marie Amandine" and "Marie Nathalie" share their first first name, not their first names.
        var firstNamesPerfect = first == MatchLevel.Equivalent
            || (first == MatchLevel.Exact && (swapped || a.FirstNames!.Joined == b.FirstNames!.Joined));
        var imperfect = (swapped ? 1 : 0)
            + (surname is MatchLevel.Exact or MatchLevel.Equivalent ? 0 : 1)
            + (firstNamesPerfect ? 0 : 1)
            + (date == MatchLevel.Exact ? 0 : 1);

        // A namesake born elsewhere, one digit away in the day, with other contacts: the day was
        // counted as the one desk error and the rest ignored, so six households were refused as
        // duplicates of strangers. Born elsewhere, one desk error is allowed only with a contact in common.
        if (imperfect > 0 && fields[(int)MatchField.BirthPlace].Level == MatchLevel.Different &&
            fields[(int)MatchField.Email].Level != MatchLevel.Exact && fields[(int)MatchField.Phone].Level != MatchLevel.Exact)
        {
            return false;
        }

        return imperfect <= 1 || (imperfect == 2 && total >= Model.CertainThreshold + Model.SecondImperfectionBits);
    }

    /// <param name="complete">
    /// Whether birth place and contacts are compared yet: until then a birth date of the same year
    /// cannot be vetoed, since they may still vouch for it.
    /// </param>
    private MatchVeto VetoOf(PreparedIdentity left, PreparedIdentity right, ReadOnlySpan<FieldScore> fields, bool complete)
    {
        if (declaredDistinct.AreDistinct(left.Id, right.Id))
        {
            return MatchVeto.DeclaredDistinct;
        }

        // A NIR typed twice with one slip is still one NIR: twins' NIRs differ in the order number
        // and in the two-digit key, so never by one character.
        if (!Model.FamilyVetoes || fields[(int)MatchField.Nir].Level is MatchLevel.Exact or MatchLevel.OneDigitOff)
        {
            return MatchVeto.None;
        }

        var surname = fields[(int)MatchField.Surname].Level;
        var first = fields[(int)MatchField.FirstNames].Level;
        var a = left.Normalized;
        var b = right.Normalized;
        if (surname == MatchLevel.Different && a.BirthName is not null && b.BirthName is not null)
        {
            return MatchVeto.DifferentBirthNames;
        }

        if (surname == MatchLevel.Different && first == MatchLevel.Different)
        {
            return MatchVeto.UnrelatedNames;
        }

        var namesAgree = surname is not MatchLevel.Missing and <= MatchLevel.FuzzyHigh;
        if (namesAgree && first == MatchLevel.Different)
        {
            return MatchVeto.UnrelatedFirstNames;
        }

        var date = fields[(int)MatchField.BirthDate].Level;
        if (namesAgree && first is not MatchLevel.Missing and <= MatchLevel.FuzzyHigh &&
            (date == MatchLevel.Different || (date == MatchLevel.YearOnly && complete && !Vouched(fields))))
        {
            return MatchVeto.DistantBirthDates;
        }

        return MatchVeto.None;
    }

    private void TrySwapped(
        NormalizedIdentity a,
        NormalizedIdentity b,
        ref MatchLevel surname,
        ref MatchLevel first,
        ref double surnameWeight,
        ref double firstWeight,
        ref bool swapped)
    {
        if (a.UseName is null || b.UseName is null || a.FirstNames is null || b.FirstNames is null)
        {
            return;
        }

        // A surname box may hold either surname: "Julie / Dubabin" is "Martin née Dubabin, Julie" swapped.
        // Most candidate pairs already fail on the first crossed name: spare them the second comparison.
        var crossSurname = Best(
            Crossed(a.UseName, b.FirstNames),
            a.BirthName is null ? MatchLevel.Missing : Crossed(a.BirthName, b.FirstNames));
        if (crossSurname > MatchLevel.FuzzyLow)
        {
            return;
        }

        var crossFirst = Best(
            Crossed(b.UseName, a.FirstNames),
            b.BirthName is null ? MatchLevel.Missing : Crossed(b.BirthName, a.FirstNames));
        var crossSurnameWeight = Model.Weight(MatchField.Surname, crossSurname);
        var crossFirstWeight = Model.Weight(MatchField.FirstNames, crossFirst);
        // Both names must relate once swapped: "Martin Maxence" and "Joachim Martin" share one name, not an identity.
        if (crossSurname <= MatchLevel.FuzzyLow && crossFirst <= MatchLevel.FuzzyLow &&
            crossSurnameWeight + crossFirstWeight - Model.SwapPenalty > surnameWeight + firstWeight)
        {
            (surname, first, surnameWeight, firstWeight) = (crossSurname, crossFirst, crossSurnameWeight, crossFirstWeight);
            swapped = true;
        }
    }

    /// <summary>
    /// A surname compared with what the other record's first-names box holds: its first first name
    /// as a surname, or exactly one of its later first names — a desk that swaps the boxes moves the
    /// first name the person goes by, not always the first one of the civil status.
    /// </summary>
    private static MatchLevel Crossed(NameForm surname, FirstNameSet firstNames)
    {
        var level = FieldComparers.Surname(surname, firstNames.AsName);
        return level > MatchLevel.Exact && firstNames.Names.Count > 1 && firstNames.Contains(surname.Full) ? MatchLevel.Exact : level;
    }

    /// <summary>
    /// Namesakes born the same year on another day and month are two people, unless the same birth
    /// place or a contact in common says that two slips of the desk (a swap and a typo) made the date.
    /// </summary>
    private static bool Vouched(ReadOnlySpan<FieldScore> fields) =>
        fields[(int)MatchField.BirthPlace].Level == MatchLevel.Exact ||
        fields[(int)MatchField.Email].Level == MatchLevel.Exact ||
        fields[(int)MatchField.Phone].Level == MatchLevel.Exact;

    private static bool UseNamesDifferBesideABirthName(NormalizedIdentity a, NormalizedIdentity b) =>
        (a.BirthName is not null || b.BirthName is not null) &&
        a.UseName is not null && b.UseName is not null &&
        !string.Equals(a.UseName.Core, b.UseName.Core, StringComparison.Ordinal);

    // Levels run from best to worst; Missing (0) is no comparison.
    private static MatchLevel Best(MatchLevel x, MatchLevel y) => x == MatchLevel.Missing ? y : y == MatchLevel.Missing ? x : x < y ? x : y;

    /// <summary>
    /// The most the remaining fields can add for this pair: a field empty on either side adds
    /// nothing (batch files have no co-applicant), so far more pairs stop before the street lines.
    /// </summary>
    private double RemainingBound(NormalizedIdentity a, NormalizedIdentity b) =>
        (a.BirthPlace is null || b.BirthPlace is null ? 0 : bestBirthPlace) +
        (a.Nationality.Length == 0 || b.Nationality.Length == 0 ? 0 : bestNationality) +
        (a.CoApplicant is null || b.CoApplicant is null ? 0 : bestCoApplicant) +
        Model.HouseholdEvidenceCap;

    private double BestWeight(MatchField field) =>
        Enum.GetValues<MatchLevel>().Where(level => level != MatchLevel.Missing && Model.Applies(field, level)).Max(level => Model.Weight(field, level));

    private void Set(Span<FieldScore> fields, MatchField field, MatchLevel level) =>
        fields[(int)field] = new FieldScore(level, Model.Weight(field, level));

    private static bool IsHousehold(MatchField field) =>
        field is MatchField.Email or MatchField.Phone or MatchField.Address or MatchField.Postcode or MatchField.Commune;

    /// <summary>
    /// Household evidence: e-mail, phone and street line, plus the place of residence counted once
    /// (postcode and commune say the same thing twice).
    /// </summary>
    private static double HouseholdSum(ReadOnlySpan<FieldScore> fields)
    {
        var postcode = fields[(int)MatchField.Postcode];
        var commune = fields[(int)MatchField.Commune];
        var residence = postcode.Level == MatchLevel.Missing ? commune.Weight
            : commune.Level == MatchLevel.Missing ? postcode.Weight
            : Math.Max(postcode.Weight, commune.Weight);
        return fields[(int)MatchField.Email].Weight + fields[(int)MatchField.Phone].Weight + fields[(int)MatchField.Address].Weight + residence;
    }

    private static (string Left, string Right) Displayed(MatchField field, NormalizedIdentity a, NormalizedIdentity b, bool swapped) => field switch
    {
        MatchField.Surname => (Surnames(a), swapped ? b.FirstNames?.Primary ?? "" : Surnames(b)),
        MatchField.FirstNames => (string.Join(' ', a.FirstNames?.Names ?? []), swapped ? b.UseName?.Display ?? "" : string.Join(' ', b.FirstNames?.Names ?? [])),
        MatchField.BirthDate => (a.BirthDate.ToString(), b.BirthDate.ToString()),
        MatchField.Sex => (a.Sex == '\0' ? "" : a.Sex.ToString(), b.Sex == '\0' ? "" : b.Sex.ToString()),
        MatchField.BirthPlace => (Place(a), Place(b)),
        MatchField.Nir => (a.Nir, b.Nir),
        MatchField.Nationality => (a.Nationality, b.Nationality),
        MatchField.Email => (a.Email, b.Email),
        MatchField.Phone => (a.Phone, b.Phone),
        MatchField.Address => (a.Address, b.Address),
        MatchField.Postcode => (a.Postcode, b.Postcode),
        MatchField.Commune => (a.Commune, b.Commune),
        MatchField.CoApplicant => (CoApplicantOf(a), CoApplicantOf(b)),
        _ => ("", ""),
    };

    private static string Surnames(NormalizedIdentity person) =>
        person.BirthName is null ? person.UseName?.Display ?? "" : $"{person.UseName?.Display} né(e) {person.BirthName.Display}";

    private static string Place(NormalizedIdentity person) =>
        person.BirthPlace is null ? "" : person.BirthPlace.Code.Length > 0 ? person.BirthPlace.Code : person.BirthPlace.Name;

    private static string CoApplicantOf(NormalizedIdentity person) =>
        person.CoApplicant is { } co ? $"{co.UseName?.Display} {co.FirstNames?.Primary} {co.BirthDate}".Trim() : "";
}
