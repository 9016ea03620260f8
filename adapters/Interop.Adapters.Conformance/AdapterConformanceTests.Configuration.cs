namespace Interop.Adapters.Conformance;

/// <summary>Configuration: a valid one runs (every other test), an invalid one ends at once with one clear line.</summary>
public abstract partial class AdapterConformanceTests
{
    [Fact]
    public async Task InvalidConfiguration_EndsAtOnce_WithOneClearLine_AndNoStackTrace()
    {
        Assert.Null(Environment.GetEnvironmentVariable("INTEROP_API_KEY"));
        var landlord = await Hub.JoinAsync("conf-config");
        await using var harness = CreateHarness();
        var valid = harness.CommandLine(landlord);

        await AssertRefusedAsync(harness, Without(valid, "--api-key"), "--api-key");
        await AssertRefusedAsync(harness, Without(valid, "--organization"), "--organization");
        await AssertRefusedAsync(harness, Replaced(valid, "--hub", "127.0.0.1:" + Hub.Address.Port), "--hub");
        await AssertRefusedAsync(harness, [.. valid, "--config", "/nonexistent/interop-mappings.json"], "--config");
    }

    private static async Task AssertRefusedAsync(IAdapterHarness harness, IReadOnlyList<string> args, string naming)
    {
        var (exitCode, error) = await harness.RunInvalidCommandLineAsync(args);
        Assert.True(exitCode == 2, $"exit code {exitCode} for '{string.Join(' ', args)}' (2: usage), error: {error}");
        Assert.Contains(naming, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private static string[] Without(IReadOnlyList<string> args, string option)
    {
        var at = IndexOf(args, option);
        return [.. args.Take(at), .. args.Skip(at + 2)];
    }

    private static string[] Replaced(IReadOnlyList<string> args, string option, string value)
    {
        var copy = args.ToArray();
        copy[IndexOf(args, option) + 1] = value;
        return copy;
    }

    private static int IndexOf(IReadOnlyList<string> args, string option)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == option)
            {
                return i;
            }
        }

        throw new ArgumentException($"The harness's command line has no {option}: the kit needs it to break it.", nameof(args));
    }
}
