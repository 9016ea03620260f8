using System.Diagnostics;

namespace Interop.Hub.Diagnostics;

/// <summary>The hub's activity source: one span per service method, between the gRPC server span and the Npgsql spans.</summary>
internal static class HubActivities
{
    public const string SourceName = "Interop.Hub";

    public static readonly ActivitySource Source = new(SourceName);
}
