using System.Text.Json;
using System.Text.Json.Serialization;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Cotation;
using Npgsql;
using NpgsqlTypes;

namespace Interop.Cotation.Benchmarks;

/// <summary>The synthetic active stock: generated from a fixed seed, loaded by COPY, read back as the hub reads it.</summary>
internal static class Stock
{
    /// <summary>As the hub stores households (HouseholdJson): web defaults, enums by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly string[] Reasons = ["01", "06", "09", "13", "02"];

    public static async Task CreateAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            """
            CREATE TABLE bench_applications (
                number text COLLATE "C" PRIMARY KEY, status text NOT NULL, filed_date date NOT NULL,
                household jsonb NOT NULL, wished_communes text[] NOT NULL)
            """,
            connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task LoadAsync(NpgsqlConnection connection, int size)
    {
        var random = new Random(20260310);
        // A generator of its own, so the rest of the stock stays the one earlier runs measured.
        var dwellings = new Random(20261130);
        await using (var import = await connection.BeginBinaryImportAsync("COPY bench_applications (number, status, filed_date, household, wished_communes) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < size; i++)
            {
                var household = Household(random) with { CurrentDwelling = Dwelling(dwellings) };
                await import.StartRowAsync();
                await import.WriteAsync($"B{i:D9}", NpgsqlDbType.Text);
                await import.WriteAsync("active", NpgsqlDbType.Text);
                // Days 1 to 28 only: SQL's age() and the core's whole months agree on every such day.
                await import.WriteAsync(new DateOnly(2016 + random.Next(10), 1 + random.Next(12), 1 + random.Next(28)), NpgsqlDbType.Date);
                await import.WriteAsync(JsonSerializer.Serialize(household, Json), NpgsqlDbType.Jsonb);
                await import.WriteAsync(household.Wishes.CommuneCodes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            }

            await import.CompleteAsync();
        }

        await using var index = new NpgsqlCommand("CREATE INDEX ON bench_applications USING gin (wished_communes); ANALYZE bench_applications", connection);
        index.CommandTimeout = 0;
        await index.ExecuteNonQueryAsync();
    }

    private static Household Household(Random random)
    {
        var communes = BenchGrids.Communes.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToList();
        var typologies = new List<Typology> { (Typology)(2 + random.Next(5)) };
        if (random.Next(2) == 0 && typologies[0] < Typology.T6Plus)
        {
            typologies.Add(typologies[0] + 1);
        }

        var roll = random.Next(100);
        return new Household
        {
            Resources = new Resources { MonthlyIncomeEur = 700 + random.Next(3000) },
            ReasonCodes = Reasons.Where(_ => random.Next(4) == 0).ToList(),
            Wishes = new Wishes { Typologies = typologies, CommuneCodes = communes },
            Priority = new Priority { DaloStatus = roll < 5 ? DaloStatus.Active : DaloStatus.None, PriorityPublic = roll is >= 3 and < 15 },
        };
    }

    /// <summary>
    /// Main rooms and rent as applications carry them: 1 to 6 rooms, a rent of 250 to 1,149 € (a few lodged
    /// free); one in ten without rooms and one in ten without rent, since both are optional.
    /// </summary>
    private static CurrentDwelling Dwelling(Random random)
    {
        int? rooms = random.Next(10) == 0 ? null : 1 + random.Next(6);
        var rentRoll = random.Next(20);
        long? rent = rentRoll switch
        {
            < 2 => null,
            2 => 0,
            _ => 250 + random.Next(900),
        };
        return new CurrentDwelling(rooms, rent);
    }

    /// <summary>Reads active applications (all, or those wishing one commune) as the hub would: the household document deserialised.</summary>
    public static async Task<List<CotationSubject>> ReadAsync(NpgsqlConnection connection, string? commune = null)
    {
        var sql = "SELECT number, filed_date, household::text FROM bench_applications WHERE status = 'active'"
            + (commune is null ? "" : " AND wished_communes @> ARRAY[@commune]::text[]");
        await using var command = new NpgsqlCommand(sql, connection);
        if (commune is not null)
        {
            command.Parameters.AddWithValue("commune", commune);
        }

        return await ReadSubjectsAsync(command);
    }

    /// <summary>Reads some applications by number, as today's ranking loads the households of the stored scores it examines.</summary>
    public static async Task<List<CotationSubject>> ReadAsync(NpgsqlConnection connection, IReadOnlyCollection<string> numbers)
    {
        await using var command = new NpgsqlCommand("SELECT number, filed_date, household::text FROM bench_applications WHERE number = ANY(@numbers)", connection);
        command.Parameters.AddWithValue("numbers", numbers.ToArray());
        return await ReadSubjectsAsync(command);
    }

    /// <summary>
    /// Reads every active application's fields the benchmark grid looks at (reason codes, priority, filing
    /// date) as typed columns extracted by the server, not the household document: what a recompute costs
    /// when it reads only what the scorer needs.
    /// </summary>
    public static async Task<List<CotationSubject>> ReadScorerFieldsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT number, filed_date,
                   ARRAY(SELECT jsonb_array_elements_text(household->'reasonCodes')),
                   household->'priority'->>'daloStatus' = 'Active',
                   coalesce((household->'priority'->>'priorityPublic')::boolean, false)
            FROM bench_applications WHERE status = 'active'
            """,
            connection);
        var subjects = new List<CotationSubject>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            subjects.Add(new CotationSubject
            {
                Number = reader.GetString(0),
                FiledDate = reader.GetFieldValue<DateOnly>(1),
                Household = new Household
                {
                    ReasonCodes = reader.GetFieldValue<string[]>(2),
                    Priority = new Priority { DaloStatus = reader.GetBoolean(3) ? DaloStatus.Active : DaloStatus.None, PriorityPublic = reader.GetBoolean(4) },
                },
            });
        }

        return subjects;
    }

    private static async Task<List<CotationSubject>> ReadSubjectsAsync(NpgsqlCommand command)
    {
        var subjects = new List<CotationSubject>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            subjects.Add(new CotationSubject
            {
                Number = reader.GetString(0),
                FiledDate = reader.GetFieldValue<DateOnly>(1),
                Household = JsonSerializer.Deserialize<Household>(reader.GetString(2), Json)!,
            });
        }

        return subjects;
    }
}
