using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Grids;
using Interop.Hub.Core.Cotation.Scoring;
using Interop.Hub.Core.Time;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Cotation;
using Npgsql;

namespace Interop.Hub.Cotation;

/// <summary>
/// Keeps <c>cotation_scores</c> current: each active application scored today with every grid whose
/// version in force covers a commune it wishes. Called by the cotation projection for every change of an
/// application, by the publication of a grid version for its whole territory, and by the refresh of
/// scores the date alone moved (seniority months, birthdays, the next version's first day).
/// </summary>
/// <remarks>
/// The applications are read FOR SHARE in the caller's transaction and every row carries the revision it
/// was computed from: a writer of the application waits until the score is stored, and its own change is
/// scored after; an older computation never replaces a newer one. Rescoring is idempotent, so replaying a
/// change after a crash rewrites the same row: nothing is counted twice.
/// </remarks>
internal sealed class StoredScores(ScoreStore scores, CotationStore store, GridCatalog catalog, RegistryDatabase database, TimeProvider time)
{
    /// <summary>Applications rescored per statement batch (and per transaction in a refresh).</summary>
    public const int Page = 500;

    /// <summary>Rescores <paramref name="numbers"/> with every grid, in the caller's transaction.</summary>
    public async Task RescoreAsync(NpgsqlTransaction transaction, IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        var grids = await catalog.AllAsync(transaction, cancellationToken);
        if (grids.Count == 0)
        {
            // No grid published: nothing to score, and no application row to hold back its writers.
            return;
        }

        foreach (var page in numbers.Distinct(StringComparer.Ordinal).Chunk(Page))
        {
            await RescoreAsync(transaction, page, grids, cancellationToken);
        }
    }

    /// <summary>
    /// Rescores the whole active stock of a grid's territory with the version in force today, and drops its
    /// scores of applications outside it: what a publication does before it returns.
    /// </summary>
    public async Task RescoreGridAsync(NpgsqlTransaction transaction, GridVersions versions, CancellationToken cancellationToken)
    {
        var grid = versions.InForceOn(FrenchCalendar.Today(time));
        await scores.DeleteOutsideAsync(transaction, versions.GridId, grid?.Communes ?? (IReadOnlyCollection<string>)[], cancellationToken);
        if (grid is null)
        {
            return;
        }

        string? after = null;
        while (true)
        {
            var page = await scores.ListActiveNumbersAsync(transaction, grid.Communes.ToList(), after, Page, cancellationToken);
            if (page.Count == 0)
            {
                return;
            }

            await RescoreAsync(transaction, page, [versions], cancellationToken);
            after = page[^1];
        }
    }

    /// <summary>
    /// Rescores a grid's rows that do not serve today (another version, or past their fresh_until), a
    /// page per transaction. Returns how many were rescored.
    /// </summary>
    public async Task<int> RefreshStaleAsync(GridVersions versions, CancellationToken cancellationToken)
    {
        var day = FrenchCalendar.Today(time);
        if (versions.InForceOn(day) is not { } grid)
        {
            return 0;
        }

        var refreshed = 0;
        string? after = null;
        while (true)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var stale = await scores.ListStaleAsync(connection, versions.GridId, grid.Version, day, after, Page, cancellationToken);
            if (stale.Count == 0)
            {
                return refreshed;
            }

            await RescoreAsync(transaction, stale, [versions], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            refreshed += stale.Count;
            after = stale[^1];
        }
    }

    /// <summary>Refreshes every grid's stale rows: the periodic job, so that reads seldom find one.</summary>
    public async Task<int> RefreshAllAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<GridVersions> grids;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            grids = await catalog.AllAsync(connection, cancellationToken);
        }

        var refreshed = 0;
        foreach (var versions in grids)
        {
            refreshed += await RefreshStaleAsync(versions, cancellationToken);
        }

        return refreshed;
    }

    private async Task RescoreAsync(NpgsqlTransaction transaction, IReadOnlyCollection<string> numbers, IReadOnlyList<GridVersions> grids, CancellationToken cancellationToken)
    {
        var day = FrenchCalendar.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        var applications = await scores.LockApplicationsAsync(transaction, numbers, cancellationToken);
        var validations = (await store.ListValidationsOfAsync(transaction, numbers, cancellationToken))
            .ToLookup(row => (row.ApplicationNumber, row.GridId));
        var rows = new List<StoredScoreRow>();
        foreach (var application in applications)
        {
            var subject = application.Status == ApplicationStatus.Active ? CotationSubject.Of(application) : null;
            if (subject is null)
            {
                continue;
            }

            foreach (var versions in grids)
            {
                if (versions.InForceOn(day) is not { } grid || !subject.Household.Wishes.CommuneCodes.Any(grid.Communes.Contains))
                {
                    continue;
                }

                var validated = validations[(application.Number, versions.GridId)]
                    .Select(row => new CriterionValidation(row.CriterionId, row.Role, row.ValidatedBy, row.ValidatedOn))
                    .ToList();
                var score = CotationScorer.Score(subject, grid, day, validated);
                rows.Add(new StoredScoreRow
                {
                    GridId = versions.GridId,
                    ApplicationNumber = application.Number,
                    ApplicationRevision = application.Revision,
                    GridVersion = grid.Version,
                    ScoredOn = day,
                    FreshUntil = ScoreFreshness.FreshUntil(subject, versions, day),
                    Total = score.Total,
                    FiledDate = application.FiledDate,
                    Typologies = subject.Household.Wishes.Typologies.Distinct().Select(ScoreStore.TypologyName).ToArray(),
                    Rubrics = StoredScoreJson.Rubrics(score),
                    Lines = StoredScoreJson.Lines(score),
                    ComputedAt = now,
                });
            }
        }

        await scores.UpsertAsync(transaction, rows, cancellationToken);
        await scores.DeleteUnscoredAsync(
            transaction,
            applications.Select(a => a.Number).ToList(),
            applications.Select(a => a.Revision).ToList(),
            grids.Select(g => g.GridId).ToList(),
            rows.Select(r => r.GridId).ToList(),
            rows.Select(r => r.ApplicationNumber).ToList(),
            cancellationToken);
    }
}
