using System.Text.Json;

namespace Interop.Hub.Tests.HttpJson;

/// <summary>What an integrator reads in an error body, checked on the raw JSON rather than through protobuf.</summary>
internal static class StatusJson
{
    /// <summary>The <c>@type</c> of every detail, after checking the body has <c>code</c>, <c>message</c> and <c>details</c>.</summary>
    public static IReadOnlyList<string> DetailTypes(string body, int code)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        Assert.Equal(code, root.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("message").GetString()));
        return root.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("@type").GetString()!).ToList();
    }

}
