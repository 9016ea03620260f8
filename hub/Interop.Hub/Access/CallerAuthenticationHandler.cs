using System.Security.Claims;
using System.Text.Encodings.Web;
using Grpc.Core;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Interop.Hub.Access;

/// <summary>
/// The hub's authentication scheme: an API key (<c>authorization: Bearer …</c>) or, without one,
/// a TLS client certificate mapped to an organisation. The resolved <see cref="Principal"/> is
/// kept as a request feature for the services, the rate limiter and the audit trail; refused or
/// missing credentials are answered with gRPC UNAUTHENTICATED and the reason.
/// </summary>
/// <remarks>
/// A call that carries a key is judged by its key alone: the certificate then only secured the
/// connection (a partner's TLS stack may present one for every host it calls).
/// </remarks>
internal sealed class CallerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyAuthenticator keys,
    ClientCertificateAuthenticator certificates)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Caller";

    private const string FailureItem = "interop.authentication-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        AuthenticationOutcome outcome;
        if (!string.IsNullOrEmpty(header))
        {
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return Refuse("The authorization header must be 'Bearer <API key>'.");
            }

            outcome = await keys.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        }
        else if (certificates.Enabled && Context.Connection.ClientCertificate is { } certificate)
        {
            outcome = await certificates.AuthenticateAsync(certificate, Context.RequestAborted);
        }
        else
        {
            return AuthenticateResult.NoResult();
        }

        if (outcome.Principal is not { } principal)
        {
            return Refuse(outcome.Failure!);
        }

        Context.Features.Set(principal);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, principal.OrganizationId), new Claim("key_id", principal.KeyId ?? "")], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var message = Context.Items[FailureItem] as string
            ?? "Credentials are required: send 'authorization: Bearer <API key>', or a client certificate registered for your organisation.";
        return GrpcStatusResponse.WriteAsync(Context, StatusCode.Unauthenticated, ErrorReasons.Unauthenticated, message);
    }

    private AuthenticateResult Refuse(string failure)
    {
        Context.Items[FailureItem] = failure;
        AccessLog.RefusedCredentials(Logger, failure);
        return AuthenticateResult.Fail(failure);
    }
}
