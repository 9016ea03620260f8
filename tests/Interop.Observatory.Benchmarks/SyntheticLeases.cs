using Npgsql;
using NpgsqlTypes;

namespace Interop.Observatory.Benchmarks;

/// <summary>
/// The signed lease of each synthetic attribution, written to <c>proposals</c> by binary COPY beside the history
/// (on a second connection: one COPY per connection at a time). The history's changes are not in the feed here,
/// so the rebuild and the page replay take the reservation holder and the DALO flag from the proposal whose
/// <c>application_revision</c> is the radiation's, as for a pruned change. The holders' mix is plausible, not
/// measured: the préfet's contingent (priority households and civil servants), Action Logement, the local
/// authorities, the landlord's own stock, a few others.
/// </summary>
internal sealed class SyntheticLeases : IAsyncDisposable
{
    private static readonly (string Code, int Weight)[] Holders =
        [("PPRIOR", 25), ("PFONCT", 5), ("COLACT", 25), ("COLTER", 20), ("AUCUN", 20), ("AUTRES", 5)];

    private readonly NpgsqlBinaryImporter writer;

    private SyntheticLeases(NpgsqlBinaryImporter writer) => this.writer = writer;

    public static async Task<SyntheticLeases> BeginAsync(NpgsqlConnection connection) => new(await connection.BeginBinaryImportAsync("""
        COPY proposals (proposal_id, application_number, landlord_id, dwelling_id, commune_code, typology, reservation_holder, state,
                        lease_date, lease_dalo, lease_reservation_holder, application_revision, created_at, updated_at)
        FROM STDIN (FORMAT BINARY)
        """));

    public async Task WriteAsync(string number, long revision, string commune, DateOnly day, Random random)
    {
        var holder = Holder(random.Next(100));
        var at = day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        await writer.StartRowAsync();
        var id = new byte[16];
        random.NextBytes(id);
        await writer.WriteAsync(new Guid(id), NpgsqlDbType.Uuid);
        await writer.WriteAsync(number, NpgsqlDbType.Text);
        await writer.WriteAsync("bench-landlord", NpgsqlDbType.Text);
        await writer.WriteAsync("RPLS" + number, NpgsqlDbType.Text);
        await writer.WriteAsync(commune, NpgsqlDbType.Text);
        await writer.WriteAsync("T3", NpgsqlDbType.Text);
        await writer.WriteAsync(holder, NpgsqlDbType.Text);
        await writer.WriteAsync("lease_signed", NpgsqlDbType.Text);
        await writer.WriteAsync(day, NpgsqlDbType.Date);
        // A DALO household is housed on the préfet's contingent, mostly.
        await writer.WriteAsync(holder == "PPRIOR" && random.Next(3) == 0, NpgsqlDbType.Boolean);
        await writer.WriteAsync(holder, NpgsqlDbType.Text);
        await writer.WriteAsync(revision, NpgsqlDbType.Bigint);
        await writer.WriteAsync(at, NpgsqlDbType.TimestampTz);
        await writer.WriteAsync(at, NpgsqlDbType.TimestampTz);
    }

    public async Task CompleteAsync() => await writer.CompleteAsync();

    public ValueTask DisposeAsync() => writer.DisposeAsync();

    private static string Holder(int draw)
    {
        foreach (var (code, weight) in Holders)
        {
            if (draw < weight)
            {
                return code;
            }

            draw -= weight;
        }

        return Holders[^1].Code;
    }
}
