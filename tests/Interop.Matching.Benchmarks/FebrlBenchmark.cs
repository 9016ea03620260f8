using System.Diagnostics;
using System.Text.RegularExpressions;
using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Matching.Batch;
using Interop.Hub.Core.Matching.Blocking;
using Interop.Hub.Core.Matching.Scoring;

namespace Interop.Matching.Benchmarks;

/// <summary>
/// FEBRL 1–4 (the public record-linkage benchmark): pairwise precision, recall, F1 and blocking
/// recall, with all fields and with names and birth date only, against the references of matching.md.
/// </summary>
internal static partial class FebrlBenchmark
{
    // matching.md §2: plain Fellegi–Sunter measured on the same files (NaN: no reference).
    private static readonly Dictionary<(string, bool), double> ReferenceF1 = new()
    {
        [("1", true)] = 1.000, [("2", true)] = 0.998, [("3", true)] = 0.998, [("4", true)] = 0.9997,
        [("1", false)] = double.NaN, [("2", false)] = double.NaN, [("3", false)] = 0.910, [("4", false)] = 0.929,
    };

    public static void Run(string febrlFolder)
    {
        Console.WriteLine("FEBRL — pairwise quality (dedup of files 1–3; linkage 4a × 4b); rows without /F: the product's French defaults; /F: FEBRL profile (no family vetoes, probable at 11 bits)");
        Console.WriteLine($"{"set",-7}{"fields",-14}{"records",9}{"true",8}{"compared",10}{"block R",9}{"P",8}{"R",8}{"F1",8}{"ref F1",8}{"F1/ref",8}{"time s",8}");
        foreach (var set in new[] { "1", "2", "3", "4" })
        {
            var records = set == "4"
                ? [.. Read(Path.Combine(febrlFolder, "dataset4a.csv")), .. Read(Path.Combine(febrlFolder, "dataset4b.csv"))]
                : Read(Path.Combine(febrlFolder, $"dataset{set}.csv"));
            var half = set == "4" ? records.Count / 2 : 0;
            Func<int, int, bool>? filter = set == "4" ? (a, b) => a < half != b < half : null;
            var entityOf = records.Select(r => EntityNumber().Match(r.Id).Groups[1].Value).ToArray();
            var truePairs = Metrics.TruePairsOf(entityOf, filter);
            foreach (var (allFields, defaults) in new[] { (true, true), (true, false), (false, true), (false, false) })
            {
                var people = allFields ? records : records.Select(NamesAndBirthDate).ToList();
                var clock = Stopwatch.StartNew();
                var model = MatchModel.Default;
                model = defaults ? model : FebrlProfile(model);
                var result = BatchDeduplicator.Run(people, new BatchOptions { PairFilter = filter, Model = model });
                var seconds = clock.Elapsed.TotalSeconds;
                var metrics = Metrics.Of(result.LinkedPairs.Select(p => (p.Left, p.Right)), entityOf, truePairs.Count);
                var blockingRecall = BlockingRecall(result, truePairs);
                var reference = ReferenceF1[(set, allFields)];
                Console.WriteLine(
                    $"{"FEBRL" + set,-7}{(allFields ? "all" : "names+DOB") + (defaults ? "" : " /F"),-14}{records.Count,9:N0}{truePairs.Count,8:N0}{result.ComparedPairs,10:N0}" +
                    $"{blockingRecall,9:0.0000}{metrics.Precision,8:0.0000}{metrics.Recall,8:0.0000}{metrics.F1,8:0.0000}" +
                    $"{(double.IsNaN(reference) ? "–" : reference.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)),8}" +
                    $"{(double.IsNaN(reference) ? "–" : (metrics.F1 / reference).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)),8}{seconds,8:0.00}");
                if (Environment.GetEnvironmentVariable("INTEROP_BENCH_VERBOSE") == "1")
                {
                    Diagnose(result, truePairs, entityOf);
                }
            }
        }
    }

    /// <summary>Share of true pairs whose two records share at least one blocking key.</summary>
    public static double BlockingRecall(BatchResult result, IReadOnlyList<(int, int)> truePairs)
    {
        var keys = result.Prepared.Select(p => BlockingKeyBuilder.For(p.Normalized).ToHashSet()).ToArray();
        var found = truePairs.Count(pair => keys[pair.Item1].Overlaps(keys[pair.Item2]));
        return truePairs.Count == 0 ? 1 : (double)found / truePairs.Count;
    }

    // INTEROP_BENCH_SAMPLES=N prints N missed and N wrong pairs per row instead of 8 and 5.
    private static int Samples => int.TryParse(Environment.GetEnvironmentVariable("INTEROP_BENCH_SAMPLES"), out var n) ? n : 8;

    /// <summary>Why true pairs were missed (veto, score band, not blocked) and a few examples; only with INTEROP_BENCH_VERBOSE=1.</summary>
    private static void Diagnose(BatchResult result, List<(int, int)> truePairs, string[] entityOf)
    {
        var linked = result.LinkedPairs.Select(p => (p.Left, p.Right)).ToHashSet();
        var reasons = new Dictionary<string, int>();
        var shown = 0;
        foreach (var (a, b) in truePairs.Where(p => !linked.Contains(p)))
        {
            var score = result.Matcher.Score(result.Prepared[a], result.Prepared[b]);
            var keysA = BlockingKeyBuilder.For(result.Prepared[a].Normalized).ToHashSet();
            var reason = !keysA.Overlaps(BlockingKeyBuilder.For(result.Prepared[b].Normalized)) ? "not blocked"
                : score.Veto != MatchVeto.None ? score.Veto.ToString()
                : $"total {Math.Floor(score.Total / 2) * 2}..";
            reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
            if (shown++ < Samples)
            {
                Console.WriteLine("   MISSED " + result.Matcher.Compare(result.Prepared[a], result.Prepared[b]).Explanation.ReplaceLineEndings(" | "));
            }
        }

        // Levels observed on true pairs: what m really is on this file, against the model's hand-set m.
        var observed = new Dictionary<(MatchField, MatchLevel), int>();
        foreach (var (a, b) in truePairs)
        {
            foreach (var line in result.Matcher.Compare(result.Prepared[a], result.Prepared[b]).Fields)
            {
                observed[(line.Field, line.Level)] = observed.GetValueOrDefault((line.Field, line.Level)) + 1;
            }
        }

        foreach (var field in new[] { MatchField.Surname, MatchField.FirstNames, MatchField.BirthDate, MatchField.Nir })
        {
            Console.WriteLine($"   m observed, {field}: " + string.Join(", ", observed.Where(o => o.Key.Item1 == field).OrderBy(o => o.Key.Item2)
                .Select(o => $"{o.Key.Item2} {(double)o.Value / truePairs.Count:0.000} (model {result.Matcher.Model.M(field, o.Key.Item2):0.000})")));
        }

        Console.WriteLine("   missed by reason: " + string.Join(", ", reasons.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}")));
        foreach (var p in result.LinkedPairs.Where(p => entityOf[p.Left] != entityOf[p.Right]).Take(Samples))
        {
            Console.WriteLine("   WRONG " + result.Explain(p).Explanation.ReplaceLineEndings(" | "));
        }
    }

    /// <summary>
    /// FEBRL has no families (no twins, no parent and child) and much heavier corruption than a
    /// French desk: family vetoes off and the probable threshold one bit lower.
    /// </summary>
    private static MatchModel FebrlProfile(MatchModel model) => model with { FamilyVetoes = false, ProbableThreshold = 11 };

    private static PersonIdentity NamesAndBirthDate(PersonIdentity person) => new()
    {
        Id = person.Id,
        LastName = person.LastName,
        FirstNames = person.FirstNames,
        BirthDate = person.BirthDate,
    };

    /// <summary>FEBRL files: comma and one space, no quoting; see ../shared/data/febrl/README.md.</summary>
    private static List<PersonIdentity> Read(string path)
    {
        var people = new List<PersonIdentity>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split(',').Select(v => v.Trim()).ToArray();
            if (f.Length < 11)
            {
                continue;
            }

            people.Add(new PersonIdentity
            {
                Id = f[0],
                FirstNames = f[1].Split(' ', StringSplitOptions.RemoveEmptyEntries),
                LastName = f[2],
                Address = $"{f[3]} {f[4]} {f[5]}".Trim(),
                Commune = f[6],
                Postcode = f[7],
                BirthDate = f[9],
                Nir = f[10],
            });
        }

        return people;
    }

    [GeneratedRegex(@"^rec-(\d+)-")]
    private static partial Regex EntityNumber();
}
