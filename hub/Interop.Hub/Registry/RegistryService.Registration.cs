using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Applications;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Numbering;
using Interop.Hub.Core.Time;
using Interop.Hub.Core.Validation;
using Interop.Hub.Matching;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Registry;

internal sealed partial class RegistryService
{
    public override async Task<V1.CreateApplicationResponse> CreateApplication(V1.CreateApplicationRequest request, ServerCallContext context)
    {
        var registration = RegistrationOf(request, context);
        return await writer.RunAsync(
            context.Caller().OrganizationId,
            request.RequestId,
            nameof(CreateApplication),
            request,
            async (transaction, now, token) => Registered(await registrar.RegisterAsync(transaction, registration, now, token), registration.Caller),
            context.CancellationToken);
    }

    /// <summary>
    /// A registration as the caller asks for it, checked: the caller's right, the request id, the desk and
    /// every field of the household (INVALID_ARGUMENT naming each bad field). Shared by CreateApplication and
    /// the registrations of OnboardApplications, so both refuse the same request the same way.
    /// </summary>
    private NewRegistration RegistrationOf(V1.CreateApplicationRequest request, ServerCallContext context)
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
        return new NewRegistration(
            departement, desk, household, ChangeAuthor.Caller(context, principal, request.RequestId), principal.Organization);
    }

    /// <summary>The answer to a registration: the application, and its probable duplicates as the caller may see them.</summary>
    private static V1.CreateApplicationResponse Registered(RegisteredApplication registered, Core.Access.Organization caller) => new()
    {
        Application = ApplicationMapper.ToProto(registered.Application),
        MatchCandidates = { registered.Candidates.Select(m => MatchMapper.ToProto(m, AccessPolicy.CanRead(caller, m.Candidate))) },
    };

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

        var imported = new ImportedApplication(
            number, departement, desk, filed!.Value, lastRenewed, household, ChangeAuthor.Caller(context, principal, request.RequestId));
        return await writer.RunAsync(
            principal.OrganizationId,
            request.RequestId,
            nameof(ImportApplication),
            request,
            async (transaction, now, token) => ApplicationMapper.ToProto(await registrar.ImportAsync(transaction, imported, now, token)),
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

        if (!ApplicationNumber.IsDeskCode(desk))
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
}
