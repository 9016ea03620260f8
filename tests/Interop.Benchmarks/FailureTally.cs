using System.Collections.Concurrent;
using Grpc.Core;
using Npgsql;

namespace Interop.Benchmarks;

/// <summary>
/// Every failed registration, counted by kind, so a run can print what went
/// wrong and exit non-zero. Kinds are capped: a message that embeds an id would
/// otherwise make one entry per call.
/// </summary>
internal sealed class FailureTally
{
    private const int MaxKinds = 20;
    private readonly ConcurrentDictionary<string, int> counts = new();

    public int Total => counts.Values.Sum();

    public IEnumerable<KeyValuePair<string, int>> ByKind => counts.OrderByDescending(kind => kind.Value);

    public void Add(Exception exception) => Add(Describe(exception));

    public void Add(string kind)
    {
        if (counts.Count >= MaxKinds && !counts.ContainsKey(kind))
        {
            kind = "(other kinds)";
        }

        counts.AddOrUpdate(kind, 1, (_, count) => count + 1);
    }

    private static string Describe(Exception exception)
    {
        var text = exception switch
        {
            RpcException rpc => $"gRPC {rpc.StatusCode}: {rpc.Status.Detail}",
            PostgresException postgres => $"PostgreSQL {postgres.SqlState}: {postgres.MessageText}",
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}
