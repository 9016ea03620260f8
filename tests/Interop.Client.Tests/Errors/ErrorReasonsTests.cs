using System.Reflection;
using Interop.Client;
using Interop.Hub.Core.Errors;

namespace Interop.Client.Tests.Errors;

/// <summary>
/// The client cannot reference the hub's core (it reaches the hub only through
/// the contract), so it keeps its own copy of the reason strings: this keeps
/// the two lists the same, so a reason added to the hub is never one a client
/// cannot name.
/// </summary>
public sealed class ErrorReasonsTests
{
    [Fact]
    public void EveryReasonTheHubSends_IsNamedByTheClientWithTheSameValue()
    {
        var hub = Reasons(typeof(ErrorReasons));
        var client = Reasons(typeof(InteropErrorReasons));

        var missing = hub.Where(reason => !client.TryGetValue(reason.Key, out var value) || value != reason.Value).Select(reason => reason.Key).ToList();

        Assert.True(missing.Count == 0, "Reasons of the hub missing or different in InteropErrorReasons: " + string.Join(", ", missing));
        Assert.True(hub.Count >= 15, $"read {hub.Count} reasons of the hub");
    }

    private static Dictionary<string, string> Reasons(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral && field.FieldType == typeof(string))
            .ToDictionary(field => field.Name, field => (string)field.GetRawConstantValue()!);
}
