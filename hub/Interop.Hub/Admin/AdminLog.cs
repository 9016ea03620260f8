using Interop.Hub.Core.Access;

namespace Interop.Hub.Admin;

/// <summary>The administration room's log events (ids 1100–1199): organisations and keys, never secrets.</summary>
internal static partial class AdminLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Created organisation {Organization} ({Kind})")]
    public static partial void OrganizationCreated(ILogger logger, string organization, OrganizationKind kind);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Issued API key {KeyId} to organisation {Organization}")]
    public static partial void KeyIssued(ILogger logger, string keyId, string organization);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Revoked API key {KeyId} of organisation {Organization}")]
    public static partial void KeyRevoked(ILogger logger, string keyId, string organization);
}
