using System.Globalization;
using Interop.Matching.HeldOut.Records;

namespace Interop.Matching.HeldOut.Scoring;

/// <summary>The Markdown tables: precision and recall, misses by error kind, wrong links by hard negative.</summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // What changes with time rather than what the desk got wrong: "alone" looks through them.
    private static readonly HashSet<string> ContactKinds =
        [Name(ErrorKind.Moved), Name(ErrorKind.EmailChanged), Name(ErrorKind.PhoneChanged)];

    public static void Scores(IEnumerable<Score> scores)
    {
        Console.WriteLine("| links | linked pairs | of which true | precision | recall |");
        Console.WriteLine("|---|--:|--:|--:|--:|");
        foreach (var s in scores)
        {
            Console.WriteLine(string.Create(Invariant, $"| {s.Label} | {s.Linked:N0} | {s.Correct:N0} | {s.Precision:0.0000} | {s.Recall:0.0000} |"));
        }
    }

    /// <summary>Misses by the kinds the true pair carries (a pair with two kinds counts under both).</summary>
    public static void Misses(Truth truth, HashSet<(int, int)> probable, HashSet<(int, int)> certain, bool verbose)
    {
        var records = truth.Set.Records;
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        var missedProbable = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        var missedCertain = new Dictionary<string, int>(StringComparer.Ordinal);
        var missedAlone = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in truth.TruePairs.OrderBy(p => p))
        {
            var kinds = PairKinds.Of(records[pair.Item1], records[pair.Item2]).Select(Name).ToList();
            if (kinds.Count == 0)
            {
                kinds.Add("(none: the two records agree but for formatting)");
            }

            foreach (var kind in kinds)
            {
                total[kind] = total.GetValueOrDefault(kind) + 1;
                if (!probable.Contains(pair) && kinds.Count(k => !ContactKinds.Contains(k)) == (ContactKinds.Contains(kind) ? 0 : 1))
                {
                    missedAlone[kind] = missedAlone.GetValueOrDefault(kind) + 1;
                }

                if (!probable.Contains(pair))
                {
                    (missedProbable.TryGetValue(kind, out var list) ? list : missedProbable[kind] = []).Add(pair);
                }

                if (!certain.Contains(pair))
                {
                    missedCertain[kind] = missedCertain.GetValueOrDefault(kind) + 1;
                }
            }
        }

        Console.WriteLine("Misses by what the true pair carries (a pair with several kinds counts under each; \"alone\": nothing else but changed contacts or a move):");
        Console.WriteLine();
        Console.WriteLine("| in the pair | true pairs | missed (certain + probable) | of which alone | recall | missed (certain only) |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|");
        foreach (var (kind, count) in total.OrderByDescending(k => missedProbable.GetValueOrDefault(k.Key)?.Count ?? 0).ThenBy(k => k.Key, StringComparer.Ordinal))
        {
            var missed = missedProbable.GetValueOrDefault(kind)?.Count ?? 0;
            Console.WriteLine(string.Create(Invariant, $"| {kind} | {count:N0} | {missed:N0} | {missedAlone.GetValueOrDefault(kind):N0} | {1 - (double)missed / count:0.000} | {missedCertain.GetValueOrDefault(kind):N0} |"));
        }

        if (verbose)
        {
            foreach (var (kind, pairs) in missedProbable.OrderByDescending(k => k.Value.Count))
            {
                Console.WriteLine();
                Console.WriteLine($"Missed, {kind} ({pairs.Count}), e.g.:");
                foreach (var (a, b) in pairs.Take(3))
                {
                    Console.WriteLine($"  {records[a].ToCsv()}");
                    Console.WriteLine($"  {records[b].ToCsv()}   [{string.Join(", ", PairKinds.Of(records[a], records[b]).Select(Name))}]");
                }
            }
        }
    }

    public static void WrongLinks(Truth truth, IReadOnlyList<LinkedPair> probable, HashSet<(int, int)> certain, bool verbose)
    {
        var records = truth.Set.Records;
        var negatives = truth.NegativePairs();
        var wrong = probable
            .Select(p => (Pair: truth.Key(p.LeftId, p.RightId), Link: p))
            .Where(x => !truth.IsTrue(x.Pair))
            .GroupBy(x => truth.WrongLinkKind(x.Pair))
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Console.WriteLine("Wrong links by who the two people are:");
        Console.WriteLine();
        Console.WriteLine("| the two people | record pairs in the set | wrong links (certain + probable) | of which certain |");
        Console.WriteLine("|---|--:|--:|--:|");
        foreach (var kind in negatives.Keys.Concat(wrong.Keys).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal))
        {
            var links = wrong.GetValueOrDefault(kind) ?? [];
            var inSet = negatives.TryGetValue(kind, out var n) ? n.ToString("N0", Invariant) : "—";
            Console.WriteLine(string.Create(Invariant, $"| {kind} | {inSet} | {links.Count:N0} | {links.Count(l => certain.Contains(l.Pair)):N0} |"));
        }

        if (verbose)
        {
            foreach (var (kind, links) in wrong.OrderByDescending(k => k.Value.Count))
            {
                Console.WriteLine();
                Console.WriteLine($"Wrong links, {kind} ({links.Count}), e.g.:");
                foreach (var (pair, link) in links.Take(3))
                {
                    Console.WriteLine($"  {records[pair.Item1].ToCsv()}");
                    Console.WriteLine($"  {records[pair.Item2].ToCsv()}");
                    Console.WriteLine($"    {link.Outcome} {link.Total}: {link.Explanation}");
                }
            }
        }
    }

    private static string Name(ErrorKind kind) => kind switch
    {
        ErrorKind.MarriedNameForm => "married name written another way (épouse, née, ép., veuve)",
        ErrorKind.MarriedNameOnlyOne => "married woman: only one of her names",
        ErrorKind.UseAndBirthNameSwapped => "use and birth names in each other's fields",
        ErrorKind.MarriedBetweenApplications => "married between the two applications",
        ErrorKind.SurnameAndFirstNameSwapped => "surname and first name swapped",
        ErrorKind.FirstNamesReordered => "first names reordered",
        ErrorKind.FirstNameDropped => "a first name dropped",
        ErrorKind.HyphenChanged => "hyphen of a compound first name changed",
        ErrorKind.AccentsLost => "accents lost",
        ErrorKind.KeyboardTypo => "keyboard typo in a name",
        ErrorKind.PhoneticSpelling => "phonetic spelling of a name",
        ErrorKind.BirthDayMonthSwapped => "birth day and month swapped",
        ErrorKind.BirthDateDigitOff => "one digit of the birth date wrong",
        ErrorKind.BirthYearOffByOne => "birth year off by one",
        ErrorKind.BirthPlaceAsName => "birth place typed as a name",
        ErrorKind.BirthPlaceMergedCommune => "birth place: former commune vs current (merger)",
        ErrorKind.BirthPlaceMissing => "birth place missing",
        ErrorKind.SexOrNationalityMissing => "sex or nationality missing",
        ErrorKind.Moved => "moved (other postcode and commune)",
        ErrorKind.EmailChanged => "e-mail differs or missing",
        ErrorKind.PhoneChanged => "phone differs or missing",
        _ => kind.ToString(),
    };
}
