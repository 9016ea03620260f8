using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Interop.Hub.Core.Errors;

namespace Interop.Hub.Errors;

/// <summary>
/// The one place where domain refusals become gRPC statuses, following the
/// error table of the contract (protos/README.md): a status code, an
/// <c>ErrorInfo</c> with a stable reason in domain <c>interop</c>, and the
/// detail message the table names.
/// </summary>
internal static class DomainErrorMapper
{
    public static RpcException ToRpcException(DomainException exception) => exception switch
    {
        ValidationException e => Build(Code.InvalidArgument, e, new BadRequest
        {
            FieldViolations =
            {
                e.Violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }),
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
        var status = new Google.Rpc.Status { Code = (int)Code.AlreadyExists, Message = e.Message, Details = { Any.Pack(info) } };
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

        var status = new Google.Rpc.Status { Code = (int)code, Message = exception.Message, Details = { Any.Pack(info) } };
        if (detail is not null)
        {
            status.Details.Add(Any.Pack(detail));
        }

        return status.ToRpcException();
    }
}
