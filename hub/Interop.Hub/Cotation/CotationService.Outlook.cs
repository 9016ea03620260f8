using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Outlook;
using Interop.Hub.Core.Cotation.Scoring;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Time;
using Interop.Hub.Core.Validation;
using Interop.Hub.Registry;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Cotation;

internal sealed partial class CotationService
{
    /// <summary>
    /// The most leases of one typology in a grid's territory over 12 months an outlook scores (each on its
    /// lease day). Paris, the largest, signs about 10 000 leases a year over every typology.
    /// </summary>
    public const int MaxLeases = 20_000;

    public override async Task<V1.ApplicantOutlook> GetApplicantOutlook(V1.GetApplicantOutlookRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestRules.ApplicationName(request.Application, "application", violations, out var number);
        var gridId = GridName.Parse(request.Grid, "grid", violations);
        var asked = request.Typology == V1.Typology.Unspecified
            ? Typology.Unspecified
            : EnumMapping.ToDomain<Typology>((int)request.Typology, "typology", violations);
        var dwelling = DwellingOf(request.CurrentDwelling, violations);
        violations.ThrowIfAny();

        var principal = context.Caller();
        var day = FrenchCalendar.Today(time);
        var token = context.CancellationToken;
        await using var connection = await database.OpenAsync(token);
        var application = await applications.GetAsync(connection, number, token);
        if (application is null || !AccessPolicy.CanRead(principal.Organization, application))
        {
            throw Denials.ApplicationNotVisible(principal, ApplicationMapper.ResourceName(number));
        }

        var versions = await catalog.GetAsync(connection, gridId, token);
        var grid = GridCatalog.InForce(versions, day);
        var subject = CotationSubject.Of(application, dwelling)
            ?? throw new PreconditionException(ErrorReasons.ApplicationErased, ApplicationMapper.ResourceName(number), "The application's personal data were erased: there is nothing to score.");
        var wished = subject.Household.Wishes.Typologies;
        var typology = asked == Typology.Unspecified ? wished.FirstOrDefault() : asked;
        if (typology == Typology.Unspecified || !wished.Contains(typology))
        {
            throw new ValidationException("typology", asked == Typology.Unspecified
                ? "is required: the application wishes no typology to compare for."
                : $"must be a typology the application wishes ({string.Join(", ", wished)}).");
        }

        // The stock and the history are read without the caller's scope: they are only counted, never shown.
        // The position counts, in SQL, the stored scores that are today's with the version in force; the
        // call rescores nothing, and the others (the rescoring job has not reached them yet) are counted apart.
        var windowStart = day.AddMonths(-OutlookCalculator.WindowMonths).AddDays(1);
        var leases = await store.ListLeasesAsync(connection, grid.Communes, typology, windowStart, day, MaxLeases + 1, token);
        if (leases.Count > MaxLeases)
        {
            throw new PreconditionException(ErrorReasons.TooManyCandidates, GridName.Of(gridId), $"More than {MaxLeases} leases of this typology were signed in the grid's territory in 12 months: too many to score in one call.");
        }

        var attributed = await applications.GetManyAsync(connection, leases.Select(lease => lease.ApplicationNumber).ToList(), token);
        var validations = await ValidationsAsync(connection, attributed.Keys.Append(number).Distinct().ToList(), gridId, token);

        ScoredCandidate Candidate(CotationSubject s) => new(s, validations.GetValueOrDefault(s.Number, []));
        var history = leases
            .Select(lease => (lease, subject: attributed.TryGetValue(lease.ApplicationNumber, out var a) ? CotationSubject.Of(a) : null))
            .Where(entry => entry.subject is not null)
            .Select(entry => new PastAttribution(Candidate(entry.subject!), entry.lease.LeaseDate, entry.lease.CommuneCode, typology));
        var applicant = Candidate(subject);
        var score = CotationScorer.Score(subject, grid, day, applicant.Validations);
        var rescoring = await rescorings.IsPendingAsync(connection, gridId, token);
        var (similar, ahead, pending) = await scores.CountSimilarAsync(
            connection, gridId, grid.Version, day, grid.Communes, rescoring, typology, number, score.Total, subject.FiledDate, token);
        var outlook = OutlookCalculator.Compute(applicant, score, typology, versions, day, similar, ahead, history);

        await AuditReadsAsync(connection, context, principal, [number]);
        var reply = new V1.ApplicantOutlook
        {
            Score = CotationMapper.ToProto(outlook.Score),
            Typology = (V1.Typology)(int)outlook.Typology,
            BandLow = CotationMapper.Points(outlook.Band.Low),
            BandHigh = CotationMapper.Points(outlook.Band.High),
            WindowStartDate = DateMapping.ToProto(outlook.WindowStart),
            SimilarAttributionCount = outlook.SimilarAttributions,
            Position = outlook.Position,
            SimilarActiveCount = outlook.SimilarActive,
            PendingRescoringCount = pending,
        };
        if (outlook.AverageWaitDays is { } wait)
        {
            reply.AverageWaitDays = wait;
        }

        return reply;
    }
}
