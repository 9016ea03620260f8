using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Attributions;
using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Grids;
using Interop.Hub.Core.Cotation.Ranking;
using Interop.Hub.Core.Cotation.Scoring;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Numbering;
using Interop.Hub.Core.Time;
using Interop.Hub.Core.Validation;
using Interop.Hub.Registry;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Audit;
using Interop.Hub.Storage.Changes;
using Interop.Hub.Applications;
using Interop.Hub.Storage.Cotation;
using Npgsql;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Cotation;

internal sealed partial class CotationService
{
    /// <summary>Default and most candidates a ranking returns.</summary>
    public const int DefaultRankSize = 10;

    public const int MaxRankSize = 100;

    /// <summary>
    /// The most active applications one ranking examines. A commune's active applications are far fewer
    /// (Paris, the largest, has about 280 000 for its 20 arrondissements); past this the call is refused
    /// rather than answered from a part of them.
    /// </summary>
    public const int MaxExamined = 50_000;

    private const int ListPage = 500;

    public override Task<V1.CriterionValidation> RecordCriterionValidation(V1.RecordCriterionValidationRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        var validation = request.Validation ?? new V1.CriterionValidation();
        RequestRules.ApplicationName(validation.Application, "validation.application", violations, out var number);
        var gridId = GridName.Parse(validation.Grid, "validation.grid", violations);
        RequestRules.Text(validation.CriterionId, "validation.criterion_id", 63, true, violations);
        RequestRules.Text(validation.Role, "validation.role", 100, true, violations);
        RequestRules.Text(validation.ValidatedBy, "validation.validated_by", 200, true, violations);
        var validatedOn = DateMapping.ToDateOnly(validation.ValidatedDate, "validation.validated_date", violations);
        if (validation.ValidatedDate is null)
        {
            violations.Add("validation.validated_date", "is required: the day of the validation.");
        }

        violations.ThrowIfAny();
        var principal = context.Caller();
        return writer.RunAsync(
            principal.OrganizationId,
            request.RequestId,
            context.Method,
            request,
            async (transaction, now, token) =>
            {
                var versions = await catalog.FindAsync(transaction, gridId, token)
                    ?? throw new NotFoundException("interop.v1.GridVersion", GridName.Of(gridId));
                var criterion = versions.All.SelectMany(grid => grid.AllCriteria).LastOrDefault(c => c.Id == validation.CriterionId);
                RequireValidatable(criterion, validation);
                if (validatedOn > FrenchCalendar.DateOf(now))
                {
                    throw new ValidationException("validation.validated_date", "must not be after today.");
                }

                var application = await applications.GetForUpdateAsync(transaction, number, token);
                var mayRecord = application is not null
                    && (AccessPolicy.CanChange(principal.Organization, application)
                        || (AccessPolicy.CanRead(principal.Organization, application) && await store.OwnsAsync(transaction, principal.OrganizationId, versions.Epci, token)));
                if (!mayRecord)
                {
                    throw Denials.ApplicationNotVisible(principal, ApplicationMapper.ResourceName(number));
                }

                if (application!.Household is null)
                {
                    throw new PreconditionException(ErrorReasons.ApplicationErased, ApplicationMapper.ResourceName(number), "The application's personal data were erased: there is nothing to validate.");
                }

                var row = new ValidationRow
                {
                    ApplicationNumber = number,
                    GridId = gridId,
                    CriterionId = validation.CriterionId,
                    Role = validation.Role.Trim(),
                    ValidatedBy = validation.ValidatedBy.Trim(),
                    ValidatedOn = validatedOn!.Value,
                    RecorderId = principal.OrganizationId,
                    RecordedAt = now.UtcDateTime,
                };
                await store.InsertValidationAsync(transaction, row, token);

                // A change of the application like any other: on the feed, in its history and audited, and the
                // cotation projection rescores it from there. The details name no person.
                var written = await applicationWriter.WriteAsync(
                    transaction,
                    ChangeAuthor.Caller(context, principal, request.RequestId),
                    application!,
                    application!,
                    ChangeKind.CriterionValidated,
                    _ => new { grid = GridName.Of(gridId), criterionId = row.CriterionId, role = row.Role, validatedOn = row.ValidatedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
                    now,
                    token);
                var reply = CotationMapper.ToProto(row);
                reply.ApplicationRevision = written.Revision;
                return reply;
            },
            context.CancellationToken);
    }

    /// <summary>A validation names a criterion of the grid that needs validation, by the role the grid names.</summary>
    private static void RequireValidatable(Criterion? criterion, V1.CriterionValidation validation)
    {
        if (criterion is null)
        {
            throw new ValidationException("validation.criterion_id", $"grid {validation.Grid} has no criterion {Violations.Quote(validation.CriterionId)}.");
        }

        if (!criterion.NeedsValidation)
        {
            throw new ValidationException("validation.criterion_id", $"criterion '{criterion.Id}' is decided by the application's data and takes no validation.");
        }

        if (!string.Equals(criterion.ValidationRole, validation.Role.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationException("validation.role", $"criterion '{criterion.Id}' is validated by the role '{criterion.ValidationRole}'.");
        }
    }

    public override async Task<V1.ApplicationScore> GetApplicationScore(V1.GetApplicationScoreRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestRules.ApplicationName(request.Application, "application", violations, out var number);
        var gridId = GridName.Parse(request.Grid, "grid", violations);
        var asked = DateMapping.ToDateOnly(request.Day, "day", violations);
        var dwelling = DwellingOf(request.CurrentDwelling, violations);
        violations.ThrowIfAny();

        var principal = context.Caller();
        var day = asked ?? FrenchCalendar.Today(time);
        await using var connection = await database.OpenAsync(context.CancellationToken);
        var application = await applications.GetAsync(connection, number, context.CancellationToken);
        if (application is null || !AccessPolicy.CanRead(principal.Organization, application))
        {
            throw Denials.ApplicationNotVisible(principal, ApplicationMapper.ResourceName(number));
        }

        var grid = GridCatalog.InForce(await catalog.GetAsync(connection, gridId, context.CancellationToken), day);
        var subject = CotationSubject.Of(application, dwelling)
            ?? throw new PreconditionException(ErrorReasons.ApplicationErased, ApplicationMapper.ResourceName(number), "The application's personal data were erased: there is nothing to score.");
        var validations = await ValidationsAsync(connection, [number], gridId, context.CancellationToken);
        await AuditReadsAsync(connection, context, principal, [number]);
        return CotationMapper.ToProto(CotationScorer.Score(subject, grid, day, validations.GetValueOrDefault(number, [])));
    }

    public override async Task<V1.RankApplicationsResponse> RankApplications(V1.RankApplicationsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var gridId = GridName.Parse(request.Grid, "grid", violations);
        var profile = ProfileOf(request.Dwelling, violations);
        var asked = DateMapping.ToDateOnly(request.Day, "day", violations);
        var size = RequestRules.PageSize(request.PageSize, DefaultRankSize, MaxRankSize, violations);
        violations.ThrowIfAny();

        var principal = context.Caller();
        var day = asked ?? FrenchCalendar.Today(time);
        await using var connection = await database.OpenAsync(context.CancellationToken);
        var versions = await catalog.GetAsync(connection, gridId, context.CancellationToken);
        var grid = GridCatalog.InForce(versions, day);
        if (!grid.Communes.Contains(profile!.CommuneCode))
        {
            throw new ValidationException("dwelling.commune_code", $"commune {profile.CommuneCode} is not in the territory of grid '{grid.GridId}'.");
        }

        // Only applications the caller may read take part, as in every listing. Today's ranking reads the
        // stored scores best first; another day's is computed over the commune's applications.
        var (ranked, examined, pending) = day == FrenchCalendar.Today(time)
            ? await RankStoredAsync(connection, principal, versions, grid, profile, day, size, context.CancellationToken)
            : await RankLiveAsync(connection, principal, grid, profile, day, size, context.CancellationToken);
        await AuditReadsAsync(connection, context, principal, ranked.Select(candidate => candidate.Number).ToList());
        return new V1.RankApplicationsResponse
        {
            Candidates = { ranked.Select(CotationMapper.ToProto) },
            ExaminedCount = examined,
            PendingRescoringCount = pending,
        };
    }

    private async Task<(IReadOnlyList<RankedCandidate> Ranked, int Examined, int Pending)> RankLiveAsync(
        NpgsqlConnection connection, Principal principal, CotationGrid grid, DwellingProfile profile, DateOnly day, int size, CancellationToken cancellationToken)
    {
        var candidates = await ActiveWishingAsync(connection, principal, profile.CommuneCode, cancellationToken);
        var validations = await ValidationsAsync(connection, candidates.Select(a => a.Number).ToList(), grid.GridId, cancellationToken);
        var scored = candidates
            .Select(application => CotationSubject.Of(application))
            .OfType<CotationSubject>()
            .Select(subject => new ScoredSubject(subject, CotationScorer.Score(subject, grid, day, validations.GetValueOrDefault(subject.Number, []))));
        return (CandidateRanker.Rank(scored, profile, size).Ranked, candidates.Count, 0);
    }

    private async Task<List<ApplicationRecord>> ActiveWishingAsync(NpgsqlConnection connection, Principal principal, string commune, CancellationToken cancellationToken)
    {
        var scope = AccessPolicy.NominativeReadScope(principal.Organization);
        var filter = new ApplicationFilter(ApplicationStatus.Active, WishedCommuneCode: commune);
        var all = new List<ApplicationRecord>();
        string? after = null;
        while (true)
        {
            var page = await applications.ListAsync(connection, scope, filter, after, ListPage, cancellationToken);
            all.AddRange(page);
            if (all.Count > MaxExamined)
            {
                throw new PreconditionException(ErrorReasons.TooManyCandidates, "communes/" + commune, $"More than {MaxExamined} active applications wish commune {commune}: too many to rank in one call.");
            }

            if (page.Count < ListPage)
            {
                return all;
            }

            after = page[^1].Number;
        }
    }

    private async Task<Dictionary<string, IReadOnlyCollection<CriterionValidation>>> ValidationsAsync(
        NpgsqlConnection connection, IReadOnlyCollection<string> numbers, string gridId, CancellationToken cancellationToken)
    {
        var rows = await store.ListValidationsAsync(connection, numbers, gridId, cancellationToken);
        return rows
            .GroupBy(row => row.ApplicationNumber)
            .ToDictionary(
                group => group.Key,
                group => (IReadOnlyCollection<CriterionValidation>)group.Select(row => new CriterionValidation(row.CriterionId, row.Role, row.ValidatedBy, row.ValidatedOn)).ToList());
    }

    /// <summary>Records the reads before the scores leave the hub: a score derives from personal data.</summary>
    private Task AuditReadsAsync(NpgsqlConnection connection, ServerCallContext context, Principal principal, IReadOnlyList<string> numbers) =>
        audit.AppendAsync(
            connection,
            numbers.Select(n => new AuditEntry(principal.OrganizationId, principal.KeyId, n, context.Method, AuditTrail.Read, context.PeerAddress())).ToList(),
            time.GetUtcNow(),
            context.CancellationToken);

    private static CurrentDwelling? DwellingOf(V1.CurrentDwelling? dwelling, Violations violations)
    {
        if (dwelling is null)
        {
            return null;
        }

        if (dwelling.Rooms is < 0 or > 20)
        {
            violations.Add("current_dwelling.rooms", "must be 1 to 20 main rooms, or 0 when unknown.");
        }

        if (dwelling.MonthlyRentEur is < 0 or > 100_000)
        {
            violations.Add("current_dwelling.monthly_rent_eur", "must be 0 to 100000 euros a month.");
        }

        return new CurrentDwelling(dwelling.Rooms > 0 ? dwelling.Rooms : null, dwelling.RentKnown ? dwelling.MonthlyRentEur : null);
    }

    private static DwellingProfile? ProfileOf(V1.DwellingProfile? dwelling, Violations violations)
    {
        if (dwelling is null)
        {
            violations.Add("dwelling", "is required: the commune, typology and rent of the dwelling.");
            return null;
        }

        if (!InseeCodes.IsCommuneCode(dwelling.CommuneCode))
        {
            violations.Add("dwelling.commune_code", "must be an INSEE commune code (5 characters, e.g. 14118).");
        }

        var typology = Typology.Unspecified;
        if (dwelling.Typology == V1.Typology.Unspecified)
        {
            violations.Add("dwelling.typology", "is required.");
        }
        else
        {
            typology = EnumMapping.ToDomain<Typology>((int)dwelling.Typology, "dwelling.typology", violations);
        }

        var holder = dwelling.ReservationHolder == V1.ReservationHolder.Unspecified
            ? ReservationHolder.None
            : EnumMapping.ToDomain<ReservationHolder>((int)dwelling.ReservationHolder, "dwelling.reservation_holder", violations);
        if (dwelling.MonthlyRentEur is < 1 or > 100_000)
        {
            violations.Add("dwelling.monthly_rent_eur", "must be 1 to 100000 euros a month.");
        }

        if (dwelling.IncomeCeilingEur is < 0 or > 10_000_000)
        {
            violations.Add("dwelling.income_ceiling_eur", "must be 0 (not checked) to 10000000 euros.");
        }

        if (dwelling.MaxRentBurdenPercent is < 0 or > 100)
        {
            violations.Add("dwelling.max_rent_burden_percent", "must be 0 (33 %) to 100.");
        }

        return new DwellingProfile
        {
            CommuneCode = dwelling.CommuneCode,
            Typology = typology,
            MonthlyRentEur = dwelling.MonthlyRentEur,
            ReservationHolder = holder,
            IncomeCeilingEur = dwelling.IncomeCeilingEur > 0 ? dwelling.IncomeCeilingEur : null,
            MaxRentBurdenPercent = dwelling.MaxRentBurdenPercent > 0 ? dwelling.MaxRentBurdenPercent : DwellingProfile.DefaultMaxRentBurdenPercent,
        };
    }
}
