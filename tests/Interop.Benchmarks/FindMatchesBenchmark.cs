using Interop.Client;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Interop.Contracts.V1;
using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Numbering;
using Interop.Hub.Storage.Matching;
using Interop.Testing;
using Npgsql;
using NpgsqlTypes;

namespace Interop.Benchmarks;

/// <summary>
/// FindMatches on a large stock: loads synthetic applications by COPY into a fresh database of a
/// Release hub, then sends FindMatches for people of the stock typed with one desk error and for
/// people not in it, from a few concurrent clients; the baseline is the bare index look-up of the
/// same queries' blocking keys, measured in the same run.
/// </summary>
internal static class FindMatchesBenchmark
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);
    private static readonly Matcher Plain = new();

    // INTEROP_BENCH_VERBOSE=1 prints a few explanations of other applications proposed.
    private static readonly bool Verbose = Environment.GetEnvironmentVariable("INTEROP_BENCH_VERBOSE") == "1";

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Interop__RateLimitPerSecond"] = "1000000",
        ["Interop__RateLimitBurst"] = "1000000",
    };

    // Expected: the resource name of the stock's application for a person typed again; null for people not in it.
    private sealed record Query(FindMatchesRequest Request, byte[][] Hashes, string? Expected, string Error)
    {
        public bool InStock => Expected is not null;
    }

    public static async Task<int> RunAsync(FindMatchesOptions options, CancellationToken cancellationToken)
    {
        await using var database = options.Database is { } kept ? BenchmarkDatabase.Existing(kept) : await BenchmarkDatabase.CreateAsync("findmatches");
        database.Keep |= options.Keep;
        // The hub migrates its database as it starts.
        await using var hub = await ExternalHubProcess.StartAsync(database.ConnectionString, Settings);
        using var setup = GrpcChannel.ForAddress(hub.Address);
        var apiKey = await JoinAsync(setup, reused: options.Database is not null);

        long loaded;
        if (options.Database is not null)
        {
            loaded = await database.CountApplicationsAsync(cancellationToken);
            Console.WriteLine($"Measuring on the kept database {database.Name}: {loaded:N0} applications already loaded.");
        }
        else
        {
            Console.WriteLine($"Loading up to {options.Applications:N0} applications (budget {options.LoadBudget.TotalMinutes:F0} min for the COPY)…");
            loaded = await StockLoader.LoadAsync(database.UnpooledConnectionString, options.Applications, options.LoadBudget, cancellationToken);
            if (loaded < options.Applications)
            {
                Console.WriteLine($"  NOTE: the budget ran out: measuring at {loaded:N0} applications, not {options.Applications:N0}.");
            }
        }

        if (database.Keep)
        {
            Console.WriteLine($"  The database is kept: measure again with --database {database.Name}");
        }

        await PrintSizesAsync(database.UnpooledConnectionString, cancellationToken);

        var random = new Random(2026);
        var warmUp = Enumerable.Range(0, Math.Min(options.WarmUpQueries, options.Queries)).Select(i => NewQuery(random, loaded, i)).ToArray();
        var queries = Enumerable.Range(0, options.Queries).Select(i => NewQuery(random, loaded, 100_000 + i)).ToArray();

        var channels = Enumerable.Range(0, options.Clients).Select(_ => GrpcChannel.ForAddress(hub.Address)).ToArray();
        try
        {
            var clients = channels.Select(c => new MatchingService.MatchingServiceClient(ApiKeyCredentials.Over(c, apiKey))).ToArray();
            await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

            Console.WriteLine($"Warm-up: {warmUp.Length} queries each way, {options.Clients} clients…");
            await RunGrpcAsync(clients, warmUp, cancellationToken);
            await RunLookUpAsync(dataSource, options.Clients, warmUp, cancellationToken);

            Console.WriteLine($"Measuring {queries.Length} queries each way ({queries.Count(q => q.InStock)} of people in the stock with one desk error, {queries.Count(q => !q.InStock)} of people not in it), {options.Clients} clients…");
            var grpc = await RunGrpcAsync(clients, queries, cancellationToken);
            var lookUp = await RunLookUpAsync(dataSource, options.Clients, queries, cancellationToken);

            Print(options, loaded, queries, grpc, lookUp);
            if (grpc.Failures.Count > 0)
            {
                Console.WriteLine("FAILED: FindMatches failures: " + string.Join(", ", grpc.Failures.Select(f => $"{f.Key} ×{f.Value}")));
                Console.WriteLine(hub.Output.Length > 3000 ? hub.Output[^3000..] : hub.Output);
                return 1;
            }

            // Every call answered OK yet nobody of the stock found their own
            // application: the index or the check is broken, whatever the speed.
            if (queries.Any(q => q.InStock) && !grpc.FoundExpected.Any(found => found))
            {
                Console.WriteLine("FAILED: no person of the stock typed again found their own application.");
                return 1;
            }

            return 0;
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    private static Task<string> JoinAsync(GrpcChannel channel, bool reused)
    {
        var organization = TestOrganizations.Of("benchmark-matcher", OrganizationKind.Landlord, stock: ["14118"], desks: [.. BenchmarkDesks.All]);

        // A kept database already has the organisation: only a new key is needed.
        return reused ? HubAccess.IssueKeyAsync(channel, organization.OrganizationId) : HubAccess.IssueKeyAsync(channel, organization);
    }

    private static Query NewQuery(Random random, long loaded, int salt)
    {
        SyntheticApplicant person;
        string error;
        string? expected = null;
        if (random.NextDouble() < 0.75)
        {
            var index = random.NextInt64(loaded);
            (person, error) = SyntheticApplicants.WithDeskError(SyntheticApplicants.At(index), random);
            expected = "applications/" + StockLoader.NumberOf(index).Number;
        }
        else
        {
            // Indexes far past the stock: people drawn the same way who were never loaded.
            person = SyntheticApplicants.At(1_000_000_000L + (salt * 7919L) + random.Next(7919));
            error = "not in stock";
        }

        var request = new FindMatchesRequest { Person = SyntheticContract.PersonOf(person), Departement = "14" };
        if (person.CoApplicant is { } co)
        {
            request.CoApplicant = SyntheticContract.PersonOf(co);
        }

        var hashes = Matcher.BlockingKeys(Plain.Prepare(person.ToIdentity(""))).Distinct().Select(IdentityIndex.Hash).ToArray();
        return new Query(request, hashes, expected, error);
    }

    // Per query: the candidates' count, whether the expected application was among them (and as certain), and the others' count.
    private sealed record Measured(double[] Milliseconds, int[] Results, TimeSpan Elapsed, Dictionary<string, int> Failures)
    {
        public bool[] FoundExpected { get; } = new bool[Milliseconds.Length];

        public bool[] ExpectedCertain { get; } = new bool[Milliseconds.Length];

        public int[] Others { get; } = new int[Milliseconds.Length];

        // Other applications proposed as certain: a registration would be refused and recorded under a stranger's number.
        public int[] OthersCertain { get; } = new int[Milliseconds.Length];
    }

    private static async Task<Measured> RunGrpcAsync(MatchingService.MatchingServiceClient[] clients, Query[] queries, CancellationToken cancellationToken)
    {
        var milliseconds = new double[queries.Length];
        var results = new int[queries.Length];
        var failures = new Dictionary<string, int>();
        var measured = new Measured(milliseconds, results, TimeSpan.Zero, failures);
        var shown = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(client => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < queries.Length)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var response = await client.FindMatchesAsync(queries[i].Request, deadline: DateTime.UtcNow + CallDeadline, cancellationToken: cancellationToken);
                    results[i] = response.Candidates.Count;
                    var expected = response.Candidates.FirstOrDefault(c => c.Application == queries[i].Expected);
                    measured.FoundExpected[i] = expected is not null;
                    measured.ExpectedCertain[i] = expected?.Outcome == Interop.Contracts.V1.MatchOutcome.Certain;
                    measured.Others[i] = response.Candidates.Count - (expected is null ? 0 : 1);
                    measured.OthersCertain[i] = response.Candidates.Count(c => c != expected && c.Outcome == Interop.Contracts.V1.MatchOutcome.Certain);
                    if (Verbose && measured.OthersCertain[i] > 0 && Interlocked.Increment(ref shown) <= 8)
                    {
                        // Certain ones first: those would refuse a registration.
                        var other = response.Candidates.Where(c => c.Application != queries[i].Expected).MaxBy(c => c.Outcome)!;
                        Console.WriteLine($"  other candidate ({queries[i].Error}): {other.Outcome} {other.Score:F1} bits: {other.Explanation}");
                    }
                }
                catch (RpcException exception)
                {
                    results[i] = -1;
                    lock (failures)
                    {
                        // The hub's message names the refused fields: a failure report says why, not only how many.
                        var kind = $"{exception.StatusCode} ({exception.Status.Detail})";
                        failures[kind] = failures.GetValueOrDefault(kind) + 1;
                    }
                }

                milliseconds[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }, cancellationToken)));
        return measured with { Elapsed = clock.Elapsed };
    }

    private static async Task<Measured> RunLookUpAsync(NpgsqlDataSource dataSource, int clientCount, Query[] queries, CancellationToken cancellationToken)
    {
        var milliseconds = new double[queries.Length];
        var results = new int[queries.Length];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clientCount).Select(_ => Task.Run(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            int i;
            while ((i = Interlocked.Increment(ref next)) < queries.Length)
            {
                var started = Stopwatch.GetTimestamp();
                await using var command = new NpgsqlCommand("SELECT number FROM identity_keys WHERE key_hash = ANY(@hashes)", connection);
                command.Parameters.Add(new NpgsqlParameter("hashes", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = queries[i].Hashes });
                var rows = 0;
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        rows++;
                    }
                }

                results[i] = rows;
                milliseconds[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }, cancellationToken)));
        return new Measured(milliseconds, results, clock.Elapsed, []);
    }

    private static async Task PrintSizesAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT c.relname, pg_size_pretty(pg_table_size(c.oid)), pg_size_pretty(pg_indexes_size(c.oid))
            FROM pg_class c WHERE c.relname IN ('applications', 'identity_keys', 'name_counts') ORDER BY c.relname
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            Console.WriteLine($"  {reader.GetString(0),-14} table {reader.GetString(1),9}, indexes {reader.GetString(2),9}");
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static void Print(FindMatchesOptions options, long loaded, Query[] queries, Measured grpc, Measured lookUp)
    {
        string Line(string what, Measured m, Func<int, bool> which)
        {
            var picked = Enumerable.Range(0, queries.Length).Where(which).ToArray();
            var sorted = picked.Select(i => m.Milliseconds[i]).Order().ToArray();
            var results = picked.Select(i => m.Results[i]).Where(r => r >= 0).ToArray();
            return $"| {what} | {picked.Length} | {Percentile(sorted, 0.5):F2} | {Percentile(sorted, 0.99):F2} | " +
                   $"{(results.Length == 0 ? 0 : results.Average()):F2} | {(results.Length == 0 ? 0 : results.Max())} |";
        }

        var g50 = Percentile([.. grpc.Milliseconds.Order()], 0.5);
        var g99 = Percentile([.. grpc.Milliseconds.Order()], 0.99);
        var l50 = Percentile([.. lookUp.Milliseconds.Order()], 0.5);
        var l99 = Percentile([.. lookUp.Milliseconds.Order()], 0.99);
        Console.WriteLine();
        if (options.Smoke)
        {
            Console.WriteLine("Smoke run (--smoke): tiny stock and few queries; these figures are not a measurement.");
        }

        Console.WriteLine($"{loaded:N0} active applications of the Calvados; {queries.Length} queries, {options.Clients} clients; {Environment.ProcessorCount} cores.");
        Console.WriteLine();
        Console.WriteLine("| Measured | Queries | p50 ms | p99 ms | Results/query (mean) | max |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(Line("FindMatches, all", grpc, _ => true));
        foreach (var error in queries.Select(q => q.Error).Distinct().Order())
        {
            Console.WriteLine(Line($"FindMatches, {error}", grpc, i => queries[i].Error == error));
        }

        Console.WriteLine(Line("look-up `identity_keys` (rows)", lookUp, _ => true));
        Console.WriteLine();
        Console.WriteLine($"FindMatches: {queries.Length / grpc.Elapsed.TotalSeconds:F0} queries/s; look-up: {queries.Length / lookUp.Elapsed.TotalSeconds:F0} queries/s.");
        Console.WriteLine($"Ratio FindMatches/look-up: p50 {g50 / l50:F1}×, p99 {g99 / l99:F1}×.");
        var inStock = Enumerable.Range(0, queries.Length).Where(i => queries[i].InStock).ToArray();
        var notInStock = Enumerable.Range(0, queries.Length).Where(i => !queries[i].InStock).ToArray();
        Console.WriteLine(
            $"People of the stock typed with one desk error: their own application found for {inStock.Count(i => grpc.FoundExpected[i])} of {inStock.Length} " +
            $"({inStock.Count(i => grpc.ExpectedCertain[i])} as certain).");
        Console.WriteLine(
            $"Other applications proposed: {inStock.Sum(i => grpc.Others[i]) / (double)Math.Max(1, inStock.Length):F2} per query for people of the stock, " +
            $"{notInStock.Sum(i => grpc.Others[i]) / (double)Math.Max(1, notInStock.Length):F2} for people not in it " +
            $"({notInStock.Count(i => grpc.Others[i] > 0)} of {notInStock.Length} got at least one); " +
            $"as certain: {inStock.Sum(i => grpc.OthersCertain[i])} and {notInStock.Sum(i => grpc.OthersCertain[i])}.");
        Console.WriteLine($"Failed FindMatches calls: {grpc.Failures.Values.Sum()}.");
    }
}
