using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Testing;
using Interop.Hub.Core.Errors;
using Interop.Hub.Errors;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Interop.Hub.Tests.Errors;

/// <summary>
/// The error interceptor and <see cref="DomainErrorMapper"/> without a server:
/// each refusal becomes the status, reason and detail of the contract's error
/// table (protos/README.md), and nothing unexpected leaks its message.
/// </summary>
public sealed class ErrorInterceptorTests
{
    private const string Method = "/interop.v1.RegistryService/GetApplication";

    private readonly ErrorInterceptor interceptor = new(NullLogger<ErrorInterceptor>.Instance);

    [Fact]
    public async Task ValidationException_IsInvalidArgument_WithItsFieldViolations()
    {
        var status = await RefusalAsync(new ValidationException([new FieldViolation("application.household_members[1].birth_date", "2026-02-30 is not a calendar date.")]));

        Assert.Equal((int)StatusCode.InvalidArgument, status.Code);
        Assert.Equal(ErrorReasons.InvalidArgument, Info(status).Reason);
        var violation = Assert.Single(status.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("application.household_members[1].birth_date", violation.Field);
        Assert.Equal("2026-02-30 is not a calendar date.", violation.Description);
    }

    [Fact]
    public async Task RequestIdReused_KeepsItsReason()
    {
        var status = await RefusalAsync(new ValidationException("request_id", "already used", ErrorReasons.RequestIdReused));

        Assert.Equal((int)StatusCode.InvalidArgument, status.Code);
        Assert.Equal(ErrorReasons.RequestIdReused, Info(status).Reason);
        Assert.Equal("request_id", Assert.Single(status.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task NotFound_IsNotFound_WithTheResource()
    {
        var status = await RefusalAsync(new NotFoundException("interop.v1.Application", "applications/X1"));

        Assert.Equal((int)StatusCode.NotFound, status.Code);
        Assert.Equal(ErrorReasons.NotFound, Info(status).Reason);
        Assert.Equal("applications/X1", status.GetDetail<ResourceInfo>()!.ResourceName);
    }

    [Fact]
    public async Task RevisionMismatch_IsAborted_WithBothRevisions()
    {
        var status = await RefusalAsync(new RevisionMismatchException("applications/X1", expected: 2, current: 5));

        Assert.Equal((int)StatusCode.Aborted, status.Code);
        var info = Info(status);
        Assert.Equal(ErrorReasons.RevisionMismatch, info.Reason);
        Assert.Equal("5", info.Metadata["current_revision"]);
        Assert.Equal("2", info.Metadata["expected_revision"]);
        Assert.Equal("applications/X1", status.GetDetail<ResourceInfo>()!.ResourceName);
    }

    [Fact]
    public async Task Precondition_IsFailedPrecondition_SayingWhatAndWhy()
    {
        var status = await RefusalAsync(PreconditionException.IllegalTransition("applications/X1", "too early"));

        Assert.Equal((int)StatusCode.FailedPrecondition, status.Code);
        Assert.Equal(ErrorReasons.IllegalTransition, Info(status).Reason);
        var violation = Assert.Single(status.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(ErrorReasons.IllegalTransition, violation.Type);
        Assert.Equal("applications/X1", violation.Subject);
    }

    [Fact]
    public async Task AlreadyExists_IsAlreadyExists_WithTheResource()
    {
        var status = await RefusalAsync(new AlreadyExistsException(ErrorReasons.NumberTaken, "applications/X1", "taken"));

        Assert.Equal((int)StatusCode.AlreadyExists, status.Code);
        Assert.Equal(ErrorReasons.NumberTaken, Info(status).Reason);
        Assert.Equal("applications/X1", status.GetDetail<ResourceInfo>()!.ResourceName);
    }

    [Fact]
    public async Task DuplicateApplication_IsAlreadyExists_NamingEveryExistingNumber()
    {
        var status = await RefusalAsync(new DuplicateApplicationException(["X1", "X2"], ["same person", "same person again"]));

        Assert.Equal((int)StatusCode.AlreadyExists, status.Code);
        var info = Info(status);
        Assert.Equal(ErrorReasons.DuplicateApplication, info.Reason);
        Assert.Equal("applications/X1,applications/X2", info.Metadata["existing_applications"]);
        Assert.Equal(
            ["applications/X1", "applications/X2"],
            status.Details.Where(d => d.Is(ResourceInfo.Descriptor)).Select(d => d.Unpack<ResourceInfo>().ResourceName));
    }

    [Fact]
    public async Task PermissionDenied_IsPermissionDenied()
    {
        var status = await RefusalAsync(new PermissionDeniedException("organizations/a may not read this"));

        Assert.Equal((int)StatusCode.PermissionDenied, status.Code);
        Assert.Equal(ErrorReasons.PermissionDenied, Info(status).Reason);
    }

    [Fact]
    public async Task QuotaExceeded_IsResourceExhausted_WithAQuotaFailure()
    {
        var status = await RefusalAsync(new QuotaExceededException(ErrorReasons.CounterExhausted, "registering_desk/B0001", "no number left"));

        Assert.Equal((int)StatusCode.ResourceExhausted, status.Code);
        Assert.Equal(ErrorReasons.CounterExhausted, Info(status).Reason);
        Assert.Equal("registering_desk/B0001", Assert.Single(status.GetDetail<QuotaFailure>()!.Violations).Subject);
    }

    [Fact]
    public async Task UnexpectedException_IsInternal_WithoutItsMessage()
    {
        var exception = await FailAsync(new InvalidOperationException("connection string Password=hunter2"));

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
        Assert.DoesNotContain("hunter2", exception.Status.Detail, StringComparison.Ordinal);
        Assert.Null(exception.GetRpcStatus());
    }

    [Fact]
    public async Task TransientDatabaseFailure_IsUnavailable()
    {
        var exception = await FailAsync(new NpgsqlException("connection refused", new System.Net.Sockets.SocketException()));

        Assert.Equal(StatusCode.Unavailable, exception.StatusCode);
    }

    [Fact]
    public async Task CancelledCall_IsCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var exception = await FailAsync(new OperationCanceledException(cancelled.Token), cancelled.Token);

        Assert.Equal(StatusCode.Cancelled, exception.StatusCode);
    }

    [Fact]
    public async Task ServerStreamingCall_IsMappedTheSameWay()
    {
        var context = Context(CancellationToken.None);
        var exception = await Assert.ThrowsAsync<RpcException>(() => interceptor.ServerStreamingServerHandler<string, string>(
            "request", null!, context, (_, _, _) => throw new ValidationException("subscription_id", "is required")));

        Assert.Equal(StatusCode.InvalidArgument, exception.StatusCode);
        Assert.Equal("subscription_id", Assert.Single(exception.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task HugeRefusal_StaysSmallEnoughForTheTrailers()
    {
        var violations = Enumerable.Range(0, 10_000).Select(i => new FieldViolation($"kinds[{i}]", new string('x', 5000))).ToList();

        var status = await RefusalAsync(new ValidationException(violations));

        Assert.Equal((int)StatusCode.InvalidArgument, status.Code);
        Assert.True(status.CalculateSize() < 64 * 1024, $"The status takes {status.CalculateSize()} bytes");
        Assert.Equal("kinds[0]", status.GetDetail<BadRequest>()!.FieldViolations[0].Field);
    }

    private async Task<Google.Rpc.Status> RefusalAsync(DomainException refusal)
    {
        var exception = await FailAsync(refusal);
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)exception.StatusCode, status.Code);
        return status;
    }

    private async Task<RpcException> FailAsync(Exception thrown, CancellationToken token = default) =>
        await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>(
            "request", Context(token), (_, _) => throw thrown));

    private static ErrorInfo Info(Google.Rpc.Status status)
    {
        var info = status.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal(ErrorReasons.Domain, info.Domain);
        return info;
    }

    private static ServerCallContext Context(CancellationToken token) => TestServerCallContext.Create(
        Method, "localhost", DateTime.UtcNow.AddMinutes(1), [], token, "ipv4:127.0.0.1:5000", null, null, _ => Task.CompletedTask, () => null, _ => { });
}
