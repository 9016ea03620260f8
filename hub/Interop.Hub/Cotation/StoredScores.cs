using Interop.Hub.Configuration;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Grids;
using Interop.Hub.Core.Cotation.Scoring;
using Interop.Hub.Core.Time;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Cotation;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Interop.Hub.Cotation;

/// <summary>
/// Keeps <c>cotation_scores</c> current: each active application scored today with every grid whose
/// version in force covers a commune it wishes. Called by the cotation projection for every change of an
/// application; by the rescoring job (<see cref="ScoreRefresh"/>) for a grid's territory after a
/// publication and for the rows the date alone moved (seniority months, birthdays, the next version's
/// first day), a page per transaction. Reads never rescore: they rank and count only the rows that serve
/// the day and say how many others they left out.
/// </summary>
/// <remarks>
/// The applications are read FOR SHARE in the page's transaction and every row carries the revision it
/// was computed from: a writer of the application waits until the page is stored (one page, never a
/// territory), and its own change is scored after; an older computation never replaces a newer one.
/// Rescoring is idempotent, so replaying a change or a page after a crash rewrites the same rows.
/// </remarks>
internal sealed class StoredScores(
    ScoreStore scores, CotationStore store, RescoringStore rescorings, GridCatalog catalog, RegistryDatabase database, RescoringCounters counters,
    IOptions<InteropOptions> options, TimeProvider time)
{
    private int Page => Math.Max(1, options.Value.CotationRescoringPageSize);

    /// <summary>Rescores <paramref name="numbers"/> with every grid, in the caller's transaction (the projection's page).</summary>
    public async Task RescoreAsync(NpgsqlTransaction transaction, IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        await store.LockPublicationsAsync(transaction, exclusive: false, cancellationToken);
        var grids = await catalog.AllAsync(transaction, cancellationToken);
        if (grids.Count == 0)
        {
            // No grid published: nothing to score, and no application row to hold back its writers.
            return;
        }

        foreach (var page in numbers.Distinct(StringComparer.Ordinal).Chunk(Page))
        {
            counters.Rescored(RescoringCounters.Change, await RescoreAsync(transaction, page, grids, cancellationToken));
        }
    }

    /// <summary>
    /// Asks for the rescoring of a grid's whole territory, in the caller's transaction (a publication, a
    /// rebuild): the rescoring job does it after the commit, a page per transaction.
    /// </summary>
    public Task RequestTerritoryAsync(NpgsqlTransaction transaction, string gridId, CancellationToken cancellationToken) =>
        rescorings.RequestAsync(transaction, gridId, time.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>
    /// One short transaction of a grid's pending territory rescoring: the next page of its active stock,
    /// by number after the cursor, scored with the version in force today and the cursor moved past it;
    /// once the stock is done, a page of the grid's scores of applications that left the territory is
    /// deleted; once none is left, the rescoring ends. Returns the applications rescored, and whether the
    /// rescoring is over (or was not pending).
    /// </summary>
    public async Task<(int Rescored, bool Done)> RescoreTerritoryPageAsync(string gridId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await store.LockPublicationsAsync(transaction, exclusive: false, cancellationToken);
        if (await rescorings.LockAsync(transaction, gridId, cancellationToken) is not { } pending)
        {
            return (0, true);
        }

        var versions = await catalog.FindAsync(transaction, gridId, cancellationToken);
        var grid = versions?.InForceOn(FrenchCalendar.Today(time));
        var communes = grid?.Communes ?? (IReadOnlyCollection<string>)[];
        var page = grid is null ? [] : await scores.ListActiveNumbersAsync(transaction, grid.Communes.ToList(), pending.AfterNumber, Page, cancellationToken);
        var rescored = 0;
        var done = false;
        if (page.Count > 0)
        {
            rescored = await RescoreAsync(transaction, page, [versions!], cancellationToken);
            await rescorings.AdvanceAsync(transaction, gridId, page[^1], cancellationToken);
        }
        else if (await scores.DeleteOutsideAsync(transaction, gridId, communes, Page, cancellationToken) < Page)
        {
            await rescorings.CompleteAsync(transaction, gridId, cancellationToken);
            done = true;
        }

        await transaction.CommitAsync(cancellationToken);
        counters.Rescored(RescoringCounters.Publication, rescored);
        return (rescored, done);
    }

    /// <summary>
    /// Rescores a grid's rows that do not serve today (another version, or past their fresh_until), a
    /// page per transaction. Returns how many were rescored.
    /// </summary>
    public async Task<int> RefreshStaleAsync(GridVersions versions, CancellationToken cancellationToken)
    {
        var day = FrenchCalendar.Today(time);
        var refreshed = 0;
        string? after = null;
        while (true)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await store.LockPublicationsAsync(transaction, exclusive: false, cancellationToken);

            // Read again under the lock: a version published since the refresh started is the one scored with.
            var current = await catalog.FindAsync(transaction, versions.GridId, cancellationToken) ?? versions;
            if (current.InForceOn(day) is not { } grid)
            {
                return refreshed;
            }

            var stale = await scores.ListStaleAsync(connection, versions.GridId, grid.Version, day, after, Page, cancellationToken);
            if (stale.Count == 0)
            {
                return refreshed;
            }

            var rescored = await RescoreAsync(transaction, stale, [current], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            counters.Rescored(RescoringCounters.Refresh, rescored);
            refreshed += stale.Count;
            after = stale[^1];
        }
    }

    /// <summary>The published grids, for the refresh of every grid's stale rows.</summary>
    public async Task<IReadOnlyList<GridVersions>> GridsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await catalog.AllAsync(connection, cancellationToken);
    }

    /// <summary>Scores one page of applications with <paramref name="grids"/>; returns how many scores were written.</summary>
    private async Task<int> RescoreAsync(NpgsqlTransaction transaction, IReadOnlyCollection<string> numbers, IReadOnlyList<GridVersions> grids, CancellationToken cancellationToken)
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
        return rows.Count;
    }
}
