using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Validation;

namespace Interop.Hub.Errors;

/// <summary>
/// The one place where domain refusals become gRPC statuses, following the
/// error table of the contract (protos/README.md): a status code, an
/// <c>ErrorInfo</c> with a stable reason in domain <c>interop</c>, and the
/// detail message the table names.
/// </summary>
/// <remarks>
/// A status travels in the response's trailers, which HTTP/2 peers bound (the
/// .NET client reads at most 64 KiB of headers; the message is sent twice, in
/// <c>grpc-message</c> and in the details): a status built from a huge input
/// would reach the client as a broken call. So every status is kept small
/// here: at most <see cref="MaxViolations"/> field violations, texts cut at
/// <see cref="MaxText"/> characters.
/// </remarks>
internal static class DomainErrorMapper
{
    public const int MaxViolations = Violations.MaxListed + 1;

    public const int MaxText = 1000;

    public static RpcException ToRpcException(DomainException exception) => exception switch
    {
        ValidationException e => Build(Code.InvalidArgument, e, new BadRequest
        {
            FieldViolations =
            {
                e.Violations.Take(MaxViolations).Select(v => new BadRequest.Types.FieldViolation { Field = Cut(v.Field), Description = Cut(v.Description) }),
            },
        }),
        NotFoundException e => Build(Code.NotFound, e, new ResourceInfo
        {
            ResourceType = e.ResourceType,
            ResourceName = e.ResourceName,
            Description = e.Message,
        }),
        RevisionMismatchException e => Build(
            Code.Aborted,
            e,
            new ResourceInfo { ResourceType = "interop.v1.Application", ResourceName = e.ResourceName, Description = e.Message },
            ("current_revision", e.Current.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("expected_revision", e.Expected.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        PreconditionException e => Build(Code.FailedPrecondition, e, new PreconditionFailure
        {
            Violations = { new PreconditionFailure.Types.Violation { Type = e.Reason, Subject = e.Subject, Description = e.Message } },
        }),
        AlreadyExistsException e => Build(Code.AlreadyExists, e, new ResourceInfo
        {
            ResourceType = "interop.v1.Application",
            ResourceName = e.ResourceName,
            Description = e.Message,
        }),
        PermissionDeniedException e => Build(Code.PermissionDenied, e, null),
        DuplicateApplicationException e => BuildDuplicate(e),
        QuotaExceededException e => Build(Code.ResourceExhausted, e, new QuotaFailure
        {
            Violations = { new QuotaFailure.Types.Violation { Subject = e.Subject, Description = e.Message } },
        }),
        _ => Build(Code.Internal, exception, null),
    };

    private static RpcException BuildDuplicate(DuplicateApplicationException e)
    {
        var info = new ErrorInfo { Reason = e.Reason, Domain = ErrorReasons.Domain };
        info.Metadata["existing_applications"] = string.Join(",", e.ExistingNumbers.Select(n => "applications/" + n));
        var status = new Google.Rpc.Status { Code = (int)Code.AlreadyExists, Message = Cut(e.Message), Details = { Any.Pack(info) } };
        for (var i = 0; i < e.ExistingNumbers.Count; i++)
        {
            status.Details.Add(Any.Pack(new ResourceInfo
            {
                ResourceType = "interop.v1.Application",
                ResourceName = "applications/" + e.ExistingNumbers[i],
                Description = e.Explanations[i],
            }));
        }

        return status.ToRpcException();
    }

    private static RpcException Build(Code code, DomainException exception, Google.Protobuf.IMessage? detail, params (string Key, string Value)[] metadata)
    {
        var info = new ErrorInfo { Reason = exception.Reason, Domain = ErrorReasons.Domain };
        foreach (var (key, value) in metadata)
        {
            info.Metadata[key] = value;
        }

        var status = new Google.Rpc.Status { Code = (int)code, Message = Cut(exception.Message), Details = { Any.Pack(info) } };
        if (detail is not null)
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status.ToRpcException();
    }

    private static string Cut(string text) => text.Length <= MaxText ? text : string.Concat(text.AsSpan(0, MaxText), "…");
}
