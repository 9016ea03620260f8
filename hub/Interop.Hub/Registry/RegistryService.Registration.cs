using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Applications;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Lifecycle;
using Interop.Hub.Core.Matching;
using Interop.Hub.Matching;
using Interop.Hub.Core.Numbering;
using Interop.Hub.Core.Time;
using Interop.Hub.Core.Validation;
using Interop.Hub.Storage.Changes;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Registry;

internal sealed partial class RegistryService
{
    public override async Task<V1.CreateApplicationResponse> CreateApplication(V1.CreateApplicationRequest request, ServerCallContext context)
    {
        var principal = context.Caller();
        if (!AccessPolicy.IsRegistering(principal.Organization))
        {
            throw Denials.NotAllowed(principal, "register applications: it runs no registering desk");
        }

        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        var desk = DeskOf(request.RegisteringDesk, principal, violations);
        var departement = request.Application?.Departement.Trim().ToUpperInvariant() ?? "";
        if (request.Application is null)
        {
            violations.Add("application", "The application to register is required.");
        }
        else
        {
            RequestRules.Departement(departement, "application.departement", violations);
        }

        var household = ApplicationMapper.HouseholdOf(request.Application, "application", violations);
        if (request.Application is not null)
        {
            HouseholdValidator.Validate(household, departement, FrenchCalendar.Today(time), "application", violations);
        }

        violations.ThrowIfAny();

        var caller = principal.OrganizationId;
        return await writer.RunAsync(
            caller,
            request.RequestId,
            nameof(CreateApplication),
            request,
            async (transaction, now, token) =>
            {
                var today = FrenchCalendar.DateOf(now);

                // One household, one application per département: a certain
                // duplicate is refused before a number is minted; probable ones
                // are registered and go to the review queue. Checked before the
                // desk's counter is taken, so the counter row stays locked briefly.
                var person = HouseholdIdentity.Of("", household.Applicant, household.CoApplicant);
                await identityIndex.LockKeysAsync(transaction, duplicates.LockKeysOf(person), token);
                var matches = await duplicates.FindAsync(transaction.Connection!, person, departement, null, token, transaction);
                metrics.RecordDuplicateCheck("registration", DuplicateOutcome(matches));
                var certain = matches.Where(m => m.Result.Outcome == MatchOutcome.Certain).ToList();
                if (certain.Count > 0)
                {
                    throw new DuplicateApplicationException(
                        certain.Select(m => m.Candidate.Number).ToList(),
                        certain.Select(m => MatchMapper.Explain(m.Result, AccessPolicy.CanRead(principal.Organization, m.Candidate))).ToList());
                }

                var counter = await counters.NextAsync(transaction, departement, MonthKey(today.Year, today.Month), desk, token);
                if (counter > ApplicationNumber.MaxCounter)
                {
                    RegistryLog.NumbersExhausted(logger, desk, departement, ApplicationNumber.MaxCounter, MonthKey(today.Year, today.Month));
                    throw new QuotaExceededException(
                        ErrorReasons.CounterExhausted,
                        $"registering_desk/{desk}",
                        $"Desk {desk} has registered {ApplicationNumber.MaxCounter} applications in département {departement} this month; no number is left until next month.");
                }

                var number = ApplicationNumber.Mint(departement, today, desk, counter);
                var record = ApplicationLifecycle.Register(number, departement, desk, today, household) with { CreatedAt = now, UpdatedAt = now };
                await applications.InsertAsync(transaction, record, "registered", token);
                await duplicates.IndexAsync(transaction, record, countNames: true, token);
                foreach (var probable in matches)
                {
                    await reviews.OpenAsync(
                        transaction, number, probable.Candidate.Number, departement, probable.Result.Total,
                        MatchMapper.FieldsJson(probable.Result), probable.Result.Explanation, now, token);
                }

                await applicationWriter.RecordAsync(
                    transaction, ChangeAuthor.Caller(context, principal, request.RequestId), record, null, ChangeKind.Registered,
                    StatusDetails(record), now, token);
                RegistryLog.Registered(logger, number, desk);
                return new V1.CreateApplicationResponse
                {
                    Application = ApplicationMapper.ToProto(record),
                    MatchCandidates =
                    {
                        matches.Select(m => MatchMapper.ToProto(m, AccessPolicy.CanRead(principal.Organization, m.Candidate))),
                    },
                };
            },
            context.CancellationToken);
    }

    public override async Task<V1.Application> ImportApplication(V1.ImportApplicationRequest request, ServerCallContext context)
    {
        var principal = context.Caller();
        if (!AccessPolicy.CanImport(principal.Organization))
        {
            throw Denials.NotAllowed(principal, "import applications numbered elsewhere");
        }

        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        var application = request.Application;
        if (application is null)
        {
            violations.Add("application", "The application to import is required.");
            violations.ThrowIfAny();
        }

        var number = ApplicationNumber.Normalize(application!.Number);
        if (!ApplicationNumber.IsWellFormedImported(number))
        {
            violations.Add("application.number", $"A number is 1 to {ApplicationNumber.MaxImportedLength} letters A-Z and digits.");
        }

        var departement = application.Departement.Trim().ToUpperInvariant();
        RequestRules.Departement(departement, "application.departement", violations);
        var desk = application.RegisteringDesk.Trim().ToUpperInvariant();
        RequestRules.DeskCode(desk, "application.registering_desk", violations);
        var filed = DateMapping.ToDateOnly(application.FiledDate, "application.filed_date", violations);
        if (filed is null && !violations.All.Any(v => v.Field == "application.filed_date"))
        {
            violations.Add("application.filed_date", "The date of first filing is required.");
        }

        var lastRenewed = DateMapping.ToDateOnly(application.LastRenewedDate, "application.last_renewed_date", violations);
        var household = ApplicationMapper.HouseholdOf(application, "application", violations);
        var todayAtCheck = FrenchCalendar.Today(time);
        HouseholdValidator.Validate(household, departement, todayAtCheck, "application", violations);
        violations.ThrowIfAny();

        var caller = principal.OrganizationId;
        return await writer.RunAsync(
            caller,
            request.RequestId,
            nameof(ImportApplication),
            request,
            async (transaction, now, token) =>
            {
                var today = FrenchCalendar.DateOf(now);
                if (await applications.ExistsAsync(transaction, number, token))
                {
                    throw new AlreadyExistsException(
                        ErrorReasons.NumberTaken, ApplicationMapper.ResourceName(number), $"Number {number} is already in the registry.");
                }

                var record = ApplicationLifecycle.Import(number, departement, desk, filed!.Value, lastRenewed, today, household)
                    with { CreatedAt = now, UpdatedAt = now };

                // A number with our structure could collide with one we mint later:
                // move that counter past it (numbers are never reused).
                if (ApplicationNumber.TryParseStructured(number, out var parts))
                {
                    await counters.AdvancePastAsync(
                        transaction, parts.Departement, MonthKey(parts.Year, parts.Month), parts.DeskCode, parts.Counter, token);
                }

                await applications.InsertAsync(transaction, record, "imported", token);
                await duplicates.IndexAsync(transaction, record, countNames: true, token);
                await applicationWriter.RecordAsync(
                    transaction, ChangeAuthor.Caller(context, principal, request.RequestId), record, null, ChangeKind.Imported,
                    StatusDetails(record), now, token);
                RegistryLog.Imported(logger, number);
                return ApplicationMapper.ToProto(record);
            },
            context.CancellationToken);
    }

    /// <summary>
    /// The desk an application is registered at comes from the caller: the one
    /// named, if it is one of the caller's, or the caller's only desk.
    /// </summary>
    private static string DeskOf(string requested, Principal principal, Violations violations)
    {
        var desks = principal.Organization.RegisteringDesks;
        var desk = requested.Trim().ToUpperInvariant();
        if (desk.Length == 0)
        {
            if (desks.Count == 1)
            {
                return desks[0];
            }

            violations.Add("registering_desk", $"Name the desk registering the application, one of {string.Join(", ", desks)}.");
            return "";
        }

        if (!Interop.Hub.Core.Numbering.ApplicationNumber.IsDeskCode(desk))
        {
            violations.Add("registering_desk", $"{Violations.Quote(desk)} is not a desk code (5 characters from 0-9A-Z).");
            return "";
        }

        if (!desks.Contains(desk))
        {
            throw Denials.NotAllowed(principal, $"register at desk {desk}, which is not one of its desks ({string.Join(", ", desks)})");
        }

        return desk;
    }

    private static string MonthKey(int year, int month) => $"{year % 100:00}{month:00}";
}
