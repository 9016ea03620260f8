using Interop.Hub.Access;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Grids;
using Interop.Hub.Core.Cotation.Ranking;
using Interop.Hub.Core.Errors;
using Interop.Hub.Storage.Cotation;
using Npgsql;

namespace Interop.Hub.Cotation;

/// <summary>The reads backed by the stored scores (<see cref="StoredScores"/>): today's ranking.</summary>
internal sealed partial class CotationService
{
    /// <summary>Stored scores read per page of a ranking, best first.</summary>
    public const int RankPage = 200;

    /// <summary>
    /// Reads the grid's stored scores of the commune's applications wishing the typology, best first, and
    /// keeps the eligible ones until the page is full: the households of the first rows only are loaded,
    /// however many applications wish the commune. Only rows that are today's score with the version in
    /// force are ranked; the call rescores nothing. Rows the rescoring job has not reached yet (a version
    /// published or taking effect today, a month of seniority since the last refresh) are left out and
    /// counted in Pending: never ranked on a stale total.
    /// </summary>
    private async Task<(IReadOnlyList<RankedCandidate> Ranked, int Examined, int Pending)> RankStoredAsync(
        NpgsqlConnection connection, Principal principal, GridVersions versions, CotationGrid grid, DwellingProfile profile, DateOnly day, int size, CancellationToken cancellationToken)
    {
        var scope = AccessPolicy.NominativeReadScope(principal.Organization);
        var ranked = new List<RankedCandidate>();
        var examined = 0;
        StoredScoreRow? after = null;
        while (ranked.Count < size)
        {
            var page = await scores.ListRankedAsync(connection, scope, versions.GridId, grid.Version, day, profile.CommuneCode, profile.Typology, after, RankPage, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            if (examined + page.Count > MaxExamined)
            {
                throw new PreconditionException(
                    ErrorReasons.TooManyCandidates,
                    "communes/" + profile.CommuneCode,
                    $"The {MaxExamined} best scored applications wishing commune {profile.CommuneCode} hold fewer than {size} eligible for this dwelling: too many to examine in one call.");
            }

            var households = await applications.GetManyAsync(connection, page.Select(row => row.ApplicationNumber).ToList(), cancellationToken);
            var candidates = page
                .Select(row => (row, subject: households.TryGetValue(row.ApplicationNumber, out var application) ? CotationSubject.Of(application) : null))
                .Where(entry => entry.subject is not null)
                .Select(entry => new ScoredSubject(entry.subject!, StoredScoreJson.ToScore(entry.row, day)));

            // The page is already in ranking order: the ranker keeps it, and ranks continue from the previous page.
            foreach (var candidate in CandidateRanker.Rank(candidates, profile, size - ranked.Count).Ranked)
            {
                ranked.Add(candidate with { Rank = ranked.Count + 1 });
            }

            examined += page.Count;
            after = page[^1];
        }

        var rescoring = await rescorings.IsPendingAsync(connection, versions.GridId, cancellationToken);
        var pending = await scores.CountPendingAsync(connection, scope, versions.GridId, grid.Version, day, rescoring, profile.CommuneCode, profile.Typology, cancellationToken);
        return (ranked, examined, pending);
    }
}
