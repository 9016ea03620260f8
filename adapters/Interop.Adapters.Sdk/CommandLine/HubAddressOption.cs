using System.CommandLine;

namespace Interop.Adapters.Sdk.CommandLine;

/// <summary>
/// The <c>--hub</c> option of an adapter host's command line: the hub's address, checked at parse time
/// so a mistyped address is one usage line (exit code 2), not a stack trace when the host starts.
/// </summary>
public static class HubAddressOption
{
    /// <summary>A required <c>--hub</c> option whose value must be an absolute http:// or https:// address.</summary>
    public static Option<string> Create()
    {
        var option = new Option<string>("--hub") { Description = "The hub's address, e.g. http://127.0.0.1:5080.", Required = true };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (!TryParse(text, out _))
            {
                result.AddError($"--hub '{text}' is not an http:// or https:// address, e.g. http://127.0.0.1:5080.");
            }
        });
        return option;
    }

    /// <summary>The address of a value the option's validator accepted.</summary>
    public static Uri Parse(string text) =>
        TryParse(text, out var address) ? address : throw new ArgumentException($"'{text}' is not an http:// or https:// address.", nameof(text));

    private static bool TryParse(string? text, out Uri address) =>
        Uri.TryCreate(text, UriKind.Absolute, out address!) && address.Scheme is "http" or "https";
}
