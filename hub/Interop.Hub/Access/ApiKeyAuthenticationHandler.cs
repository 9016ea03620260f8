using System.Security.Claims;
using System.Text.Encodings.Web;
using Grpc.Core;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Interop.Hub.Access;

/// <summary>
/// The <c>ApiKey</c> authentication scheme: <c>authorization: Bearer …</c>. The
/// resolved <see cref="Principal"/> is kept as a request feature for the
/// services, the rate limiter and the audit trail; a refused or missing key is
/// answered with gRPC UNAUTHENTICATED and the reason.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    private const string FailureItem = "interop.authentication-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse("The authorization header must be 'Bearer <API key>'.");
        }

        var outcome = await authenticator.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
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
        var message = Context.Items[FailureItem] as string ?? "Credentials are required: send 'authorization: Bearer <API key>'.";
        return GrpcStatusResponse.WriteAsync(Context, StatusCode.Unauthenticated, ErrorReasons.Unauthenticated, message);
    }

    private AuthenticateResult Refuse(string failure)
    {
        Context.Items[FailureItem] = failure;
        Logger.LogInformation("Refused credentials: {Failure}", failure);
        return AuthenticateResult.Fail(failure);
    }
}
