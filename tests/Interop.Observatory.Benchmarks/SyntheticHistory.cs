using System.Globalization;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Interop.Observatory.Benchmarks;

/// <summary>
/// A synthetic file: N applications filed from 2021 to 2025 in 20 départements, each with its history
/// (registration, yearly renewals, a radiation for about a third: attributions, renunciations, RADREN)
/// written to <c>application_history</c> by binary COPY, in the form the hub writes (facts as
/// Storage/History/StoredFacts). Each wishes one to three real communes of its département (the large
/// ones far more often, as in a real file); each attribution has its signed lease in <c>proposals</c>
/// (<see cref="SyntheticLeases"/>), where a rebuild reads its reservation holder once the feed has pruned
/// the change. Seeded: the same N gives the same file.
/// </summary>
internal static class SyntheticHistory
{
    public static readonly string[] Departements = Enumerable.Range(21, 20).Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray();

    public static readonly DateOnly End = new(2026, 1, 31);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<long> LoadAsync(NpgsqlConnection connection, NpgsqlConnection leasesConnection, int size, BenchGeography geography)
    {
        var random = new Random(size);
        long rows = 0;
        await using var leases = await SyntheticLeases.BeginAsync(leasesConnection);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY application_history (application_number, revision, kind, actor, occurred_at, departement, registering_desk, facts) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < size; i++)
        {
            var departement = Departements[random.Next(Departements.Length)];
            var number = $"{departement}-{i:D9}";
            var filed = new DateOnly(2021, 1, 1).AddDays(random.Next(5 * 365));
            var size1 = 1 + random.Next(6);
            var coApplicant = size1 > 1 && random.Next(2) == 0;
            var facts = new Facts
            {
                Status = "active",
                FiledDate = filed,
                ExpiryDate = filed.AddYears(1),
                HouseholdSize = size1,
                CoApplicant = coApplicant,
                Children = Math.Max(0, size1 - 1 - (coApplicant ? 1 : 0)),
                Typologies = ["T" + Math.Min(5, size1 + 1).ToString(CultureInfo.InvariantCulture)],
                WishedCommunes = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Commune(geography.CommunesOf[departement], random)).Distinct().Order(StringComparer.Ordinal).ToList(),
                Transfer = random.Next(10) < 3,
                PriorityHousehold = random.Next(10) == 0,
            };
            var revision = 0L;
            async Task WriteAsync(string kind, DateOnly day)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(number, NpgsqlDbType.Text);
                await writer.WriteAsync(++revision, NpgsqlDbType.Bigint);
                await writer.WriteAsync(kind, NpgsqlDbType.Text);
                await writer.WriteAsync("bench", NpgsqlDbType.Text);
                await writer.WriteAsync(day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc).AddMinutes(random.Next(600)), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(departement, NpgsqlDbType.Text);
                await writer.WriteAsync("B0001", NpgsqlDbType.Text);
                await writer.WriteAsync(JsonSerializer.Serialize(facts, Json), NpgsqlDbType.Jsonb);
                rows++;
            }

            await WriteAsync("registered", filed);
            while (facts.Status == "active")
            {
                var due = facts.ExpiryDate.AddDays(-20);
                var fate = random.Next(100);
                if (fate < 17)
                {
                    // An attribution (12 %) or a renunciation (5 %) some time in the year.
                    var day = (facts.LastRenewedDate ?? filed).AddDays(random.Next(1, 340));
                    if (day > End)
                    {
                        break;
                    }

                    facts = facts with { Status = "radiated", RadiationReason = fate < 12 ? "RADATT" : "RADABA", RadiationDate = day };
                    await WriteAsync("radiated", day);
                    if (fate < 12)
                    {
                        await leases.WriteAsync(number, revision, facts.WishedCommunes[0], day, random);
                    }
                }
                else if (fate < 92)
                {
                    if (due > End)
                    {
                        break;
                    }

                    facts = facts with { LastRenewedDate = due, ExpiryDate = due.AddYears(1) };
                    await WriteAsync("renewed", due);
                }
                else
                {
                    var day = facts.ExpiryDate.AddMonths(1);
                    if (day > End)
                    {
                        break;
                    }

                    facts = facts with { Status = "radiated", RadiationReason = "RADREN", RadiationDate = day };
                    await WriteAsync("radiated", day);
                }
            }
        }

        await writer.CompleteAsync();
        await leases.CompleteAsync();
        return rows;
    }

    /// <summary>
    /// A commune of the département, the first ones in a random order of the list far more often (the cube of a
    /// uniform draw): a few communes gather most wishes and many have a handful, as in a real file.
    /// </summary>
    private static string Commune(string[] communes, Random random) => CommuneAtRank(communes, (int)(communes.Length * Math.Pow(random.NextDouble(), 3)));

    /// <summary>The commune wished the <paramref name="rank"/>-th most often (0: the most) of a département's list.</summary>
    public static string CommuneAtRank(string[] communes, int rank) =>
        // A fixed scramble of ranks over codes (7919 is a prime above any département's count), so the popular
        // communes are spread over the list rather than being the lowest codes.
        communes[(int)((rank * 7919L + 13) % communes.Length)];

    /// <summary>One application with <paramref name="changes"/> revisions (its income moving each time), for the state at a date.</summary>
    public static async Task LoadLongHistoryAsync(NpgsqlConnection connection, string number, int changes)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY application_history (application_number, revision, kind, actor, occurred_at, departement, registering_desk, facts, household_patch) FROM STDIN (FORMAT BINARY)");
        var filed = new DateOnly(2024, 1, 2);
        var facts = new Facts { Status = "active", FiledDate = filed, ExpiryDate = filed.AddYears(1), WishedCommunes = ["21001"], Typologies = ["T2"] };
        for (var revision = 1; revision <= changes; revision++)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(number, NpgsqlDbType.Text);
            await writer.WriteAsync((long)revision, NpgsqlDbType.Bigint);
            await writer.WriteAsync(revision == 1 ? "registered" : "updated", NpgsqlDbType.Text);
            await writer.WriteAsync("bench", NpgsqlDbType.Text);
            await writer.WriteAsync(filed.AddDays(revision * 3).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
            await writer.WriteAsync("21", NpgsqlDbType.Text);
            await writer.WriteAsync("B0001", NpgsqlDbType.Text);
            await writer.WriteAsync(JsonSerializer.Serialize(facts, Json), NpgsqlDbType.Jsonb);
            await writer.WriteAsync("{\"resources\":{\"monthlyIncomeEur\":" + (1000 + revision).ToString(CultureInfo.InvariantCulture) + "}}", NpgsqlDbType.Jsonb);
        }

        await writer.CompleteAsync();
    }

    /// <summary><c>application_history.facts</c> as the hub stores them (Storage/History/StoredFacts).</summary>
    private sealed record Facts
    {
        public string Status { get; init; } = "";

        public DateOnly FiledDate { get; init; }

        public DateOnly? LastRenewedDate { get; init; }

        public DateOnly ExpiryDate { get; init; }

        public string? RadiationReason { get; init; }

        public DateOnly? RadiationDate { get; init; }

        public int HouseholdSize { get; init; } = 1;

        public bool CoApplicant { get; init; }

        public int Children { get; init; }

        public List<string> Typologies { get; init; } = [];

        public List<string> WishedCommunes { get; init; } = [];

        public bool Transfer { get; init; }

        public bool PriorityHousehold { get; init; }
    }
}
