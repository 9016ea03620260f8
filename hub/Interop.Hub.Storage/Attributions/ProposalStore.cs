using Dapper;
using Interop.Hub.Core.Attributions;
using Npgsql;

namespace Interop.Hub.Storage.Attributions;

/// <summary>Reads and writes <c>proposals</c>. The caller owns the transaction.</summary>
public sealed class ProposalStore
{
    private const string Columns = """
        proposal_id, application_number, landlord_id, dwelling_id, commune_code, typology, reservation_holder, state,
        cal_outcome, cal_rank, inadmissibility_reason, cal_decision_date, notification_date,
        offer_date, response_deadline, offer_answer, answer_date, refusal_reason,
        lease_date, lease_dalo, collective_agreement, lease_reservation_holder,
        inadmissibility_radiation_due, application_revision, created_at, updated_at
        """;

    public Task InsertAsync(NpgsqlTransaction transaction, ProposalRecord proposal, CancellationToken cancellationToken)
    {
        const string sql = $"""
            INSERT INTO proposals ({Columns})
            VALUES (@ProposalId, @ApplicationNumber, @LandlordId, @DwellingId, @CommuneCode, @Typology, @ReservationHolder, @State,
                    @CalOutcome, @CalRank, @InadmissibilityReason, @CalDecisionDate, @NotificationDate,
                    @OfferDate, @ResponseDeadline, @OfferAnswer, @AnswerDate, @RefusalReason,
                    @LeaseDate, @LeaseDalo, @CollectiveAgreement, @LeaseReservationHolder,
                    @InadmissibilityRadiationDue, @ApplicationRevision, @CreatedAt, @UpdatedAt)
            """;
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(
            sql, ProposalRowMapper.ToParameters(proposal), transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Writes the new state of a proposal; who made it, for what dwelling and when never change.</summary>
    public Task UpdateAsync(NpgsqlTransaction transaction, ProposalRecord proposal, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE proposals SET
                state = @State, cal_outcome = @CalOutcome, cal_rank = @CalRank, inadmissibility_reason = @InadmissibilityReason,
                cal_decision_date = @CalDecisionDate, notification_date = @NotificationDate,
                offer_date = @OfferDate, response_deadline = @ResponseDeadline, offer_answer = @OfferAnswer,
                answer_date = @AnswerDate, refusal_reason = @RefusalReason,
                lease_date = @LeaseDate, lease_dalo = @LeaseDalo, collective_agreement = @CollectiveAgreement,
                lease_reservation_holder = @LeaseReservationHolder,
                inadmissibility_radiation_due = @InadmissibilityRadiationDue, application_revision = @ApplicationRevision,
                updated_at = @UpdatedAt
            WHERE proposal_id = @ProposalId
            """;
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(
            sql, ProposalRowMapper.ToParameters(proposal), transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// A proposal of the application, locked until the transaction ends. The
    /// application's row is locked first by every writer, so this lock never
    /// waits long; it keeps the RADIRR job and a step from crossing.
    /// </summary>
    public async Task<ProposalRecord?> GetForUpdateAsync(
        NpgsqlTransaction transaction, string applicationNumber, Guid proposalId, CancellationToken cancellationToken)
    {
        var row = await transaction.Connection!.QuerySingleOrDefaultAsync<ProposalRow>(new CommandDefinition(
            $"SELECT {Columns} FROM proposals WHERE proposal_id = @proposalId AND application_number = @applicationNumber FOR UPDATE",
            new { proposalId, applicationNumber },
            transaction,
            cancellationToken: cancellationToken));
        return row is null ? null : ProposalRowMapper.ToRecord(row);
    }

    public async Task<ProposalRecord?> GetAsync(
        NpgsqlConnection connection, string applicationNumber, Guid proposalId, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ProposalRow>(new CommandDefinition(
            $"SELECT {Columns} FROM proposals WHERE proposal_id = @proposalId AND application_number = @applicationNumber",
            new { proposalId, applicationNumber },
            cancellationToken: cancellationToken));
        return row is null ? null : ProposalRowMapper.ToRecord(row);
    }

    /// <summary>
    /// Proposals of one application after <paramref name="after"/>, in id
    /// order (ids are time-ordered UUIDs, so this is creation order); only
    /// <paramref name="landlordId"/>'s when given.
    /// </summary>
    public async Task<IReadOnlyList<ProposalRecord>> ListAsync(
        NpgsqlConnection connection, string applicationNumber, string? landlordId, Guid? after, int limit, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT {Columns} FROM proposals
            WHERE application_number = @applicationNumber
              AND (CAST(@landlordId AS text) IS NULL OR landlord_id = @landlordId)
              AND (CAST(@after AS uuid) IS NULL OR proposal_id > @after)
            ORDER BY proposal_id LIMIT @limit
            """;
        var rows = await connection.QueryAsync<ProposalRow>(new CommandDefinition(
            sql, new { applicationNumber, landlordId, after, limit }, cancellationToken: cancellationToken));
        return rows.Select(ProposalRowMapper.ToRecord).ToList();
    }

    /// <summary>The landlord holding a signed lease for the application, if any.</summary>
    public Task<string?> LeaseHolderAsync(NpgsqlTransaction transaction, string applicationNumber, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT landlord_id FROM proposals WHERE application_number = @applicationNumber AND state = 'lease_signed'",
            new { applicationNumber },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>Rejections for inadmissibility whose one-month warning ended on or before <paramref name="dueOnOrBefore"/>.</summary>
    public async Task<IReadOnlyList<(string ApplicationNumber, Guid ProposalId)>> ListInadmissibilityDueAsync(
        NpgsqlConnection connection, DateOnly dueOnOrBefore, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT application_number, proposal_id FROM proposals
            WHERE inadmissibility_radiation_due <= @dueOnOrBefore
            ORDER BY inadmissibility_radiation_due, proposal_id LIMIT @limit
            """;
        var rows = await connection.QueryAsync<(string, Guid)>(new CommandDefinition(
            sql, new { dueOnOrBefore, limit }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
