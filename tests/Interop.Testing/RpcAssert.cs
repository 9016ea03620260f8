using Grpc.Core;
using Xunit;

namespace Interop.Testing;

/// <summary>Assertions on refused calls and their <c>google.rpc.Status</c> details.</summary>
public static class RpcAssert
{
    public static async Task<Google.Rpc.Status> FailsAsync(StatusCode expected, Func<Task> call, string? reason = null)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(expected == exception.StatusCode, $"Expected {expected}, got {exception.StatusCode}: {exception.Status.Detail}");
        var status = exception.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)exception.StatusCode, Message = exception.Status.Detail };
        if (reason is not null)
        {
            var info = status.GetDetail<Google.Rpc.ErrorInfo>();
            Assert.NotNull(info);
            Assert.Equal(reason, info.Reason);
            Assert.Equal("interop", info.Domain);
        }

        return status;
    }

    public static IReadOnlyList<string> ViolatedFields(Google.Rpc.Status status) =>
        status.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? [];
}
