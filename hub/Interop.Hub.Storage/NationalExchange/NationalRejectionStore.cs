using Dapper;
using Npgsql;

namespace Interop.Hub.Storage.NationalExchange;

/// <summary>Reads and writes <c>national_rejections</c>. The caller owns the transaction.</summary>
public sealed class NationalRejectionStore
{
    private const string Columns = """
        rejection_id, application_number, national_type, control_code, message, rejected_revision,
        export_file, line_number, return_file, recorded_at, resolved_revision, resolved_at
        """;

    /// <summary>
    /// Records a rejection, or returns the one already recorded for the same
    /// export file and line: a return file applied again changes nothing.
    /// </summary>
    public async Task<NationalRejectionRecord> RecordAsync(
        NpgsqlTransaction transaction, NationalRejectionRecord rejection, CancellationToken cancellationToken)
    {
        const string insert = $"""
            INSERT INTO national_rejections ({Columns})
            VALUES (@RejectionId, @ApplicationNumber, @NationalType, @ControlCode, @Message, @RejectedRevision,
                    @ExportFile, @LineNumber, @ReturnFile, @RecordedAt, NULL, NULL)
            ON CONFLICT (export_file, line_number) DO NOTHING
            """;
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(insert, rejection, transaction, cancellationToken: cancellationToken));
        return await transaction.Connection!.QuerySingleAsync<NationalRejectionRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM national_rejections WHERE export_file = @ExportFile AND line_number = @LineNumber",
            new { rejection.ExportFile, rejection.LineNumber },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>Resolves the application's open rejections of revisions up to <paramref name="acknowledgedRevision"/>, and returns them.</summary>
    public async Task<IReadOnlyList<NationalRejectionRecord>> ResolveAsync(
        NpgsqlTransaction transaction, string applicationNumber, long acknowledgedRevision, DateTime now, CancellationToken cancellationToken)
    {
        const string sql = $"""
            UPDATE national_rejections SET resolved_revision = @acknowledgedRevision, resolved_at = @now
            WHERE application_number = @applicationNumber AND resolved_at IS NULL AND rejected_revision <= @acknowledgedRevision
            RETURNING {Columns}
            """;
        var rows = await transaction.Connection!.QueryAsync<NationalRejectionRecord>(new CommandDefinition(
            sql, new { applicationNumber, acknowledgedRevision, now }, transaction, cancellationToken: cancellationToken));
        return rows.OrderBy(r => r.RejectionId).ToList();
    }

    /// <summary>
    /// Rejections after (<paramref name="afterNumber"/>, <paramref name="afterId"/>) in
    /// (application number, id) order; of one application when
    /// <paramref name="applicationNumber"/> is given; open ones only unless
    /// <paramref name="includeResolved"/>.
    /// </summary>
    public async Task<IReadOnlyList<NationalRejectionRecord>> ListAsync(
        NpgsqlConnection connection, string? applicationNumber, bool includeResolved, string? afterNumber, Guid? afterId, int limit,
        CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT {Columns} FROM national_rejections
            WHERE (CAST(@applicationNumber AS text) IS NULL OR application_number = @applicationNumber)
              AND (@includeResolved OR resolved_at IS NULL)
              AND (CAST(@afterNumber AS text) IS NULL OR (application_number, rejection_id) > (@afterNumber, @afterId))
            ORDER BY application_number, rejection_id LIMIT @limit
            """;
        var rows = await connection.QueryAsync<NationalRejectionRecord>(new CommandDefinition(
            sql, new { applicationNumber, includeResolved, afterNumber, afterId = afterId ?? Guid.Empty, limit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
