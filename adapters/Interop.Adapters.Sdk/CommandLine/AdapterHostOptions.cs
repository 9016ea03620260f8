using System.CommandLine;

namespace Interop.Adapters.Sdk.CommandLine;

/// <summary>
/// The options every adapter host takes: <c>--hub</c> (<see cref="HubAddressOption"/>), <c>--api-key</c>
/// (or the <c>INTEROP_API_KEY</c> environment variable), <c>--organization</c>, <c>--desk</c> (default
/// <c>B0001</c>) and <c>--config FILE</c> (must exist). Added to a root command as recursive options, so a
/// <c>dead-letters</c> verb takes them too. <see cref="AdapterCommandLine.InvokeAsync(RootCommand, string[], TextWriter?, AdapterHostOptions?)"/>
/// turns a missing key into one usage line and exit code 2, like any other usage error.
/// </summary>
public sealed class AdapterHostOptions
{
    /// <summary>The environment variable read when <c>--api-key</c> is not given.</summary>
    public const string ApiKeyVariable = "INTEROP_API_KEY";

    /// <summary>The usage line of a missing API key.</summary>
    public const string MissingApiKey = "Give the landlord's API key with --api-key or " + ApiKeyVariable + ".";

    /// <summary>New options (an <see cref="Option"/> belongs to one command: one instance per root command).</summary>
    public AdapterHostOptions()
    {
        Config.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } file && !File.Exists(file))
            {
                result.AddError($"--config '{file}' does not exist.");
            }
        });
    }

    /// <summary><c>--hub</c>: required, an http:// or https:// address.</summary>
    public Option<string> Hub { get; } = HubAddressOption.Create();

    /// <summary><c>--api-key</c>: the landlord's key; <c>INTEROP_API_KEY</c> when absent (keeps it out of the process list).</summary>
    public Option<string?> ApiKey { get; } = new("--api-key") { Description = "The landlord's API key (or " + ApiKeyVariable + ")." };

    /// <summary><c>--organization</c>: required, the landlord's organisation id at the hub.</summary>
    public Option<string> Organization { get; } = new("--organization") { Description = "The landlord's organisation id at the hub.", Required = true };

    /// <summary><c>--desk</c>: the registering desk of its registrations, default <c>B0001</c>.</summary>
    public Option<string> Desk { get; } = new("--desk") { Description = "The registering desk of its registrations.", DefaultValueFactory = _ => "B0001" };

    /// <summary><c>--config FILE</c>: a JSON file whose <c>Adapter:Mappings</c> tables override the host's built-in ones.</summary>
    public Option<string?> Config { get; } = new("--config") { Description = "A JSON file with the landlord's Adapter:Mappings tables (over the built-in ones)." };

    /// <summary>Adds the options to <paramref name="root"/>, recursive (its verbs take them too).</summary>
    public void AddTo(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var option in new Option[] { Hub, ApiKey, Organization, Desk, Config })
        {
            option.Recursive = true;
            root.Options.Add(option);
        }
    }

    /// <summary>The usage error of a parse these options would refuse to run (a missing API key), or null.</summary>
    public string? Check(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return ApiKeyOf(parse) is null ? MissingApiKey : null;
    }

    /// <summary>The values of a parse <see cref="Check"/> accepted.</summary>
    /// <exception cref="InvalidOperationException">The API key is missing (a parse <see cref="Check"/> refused).</exception>
    public AdapterHostArguments Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new AdapterHostArguments(
            HubAddressOption.Parse(parse.GetRequiredValue(Hub)),
            ApiKeyOf(parse) ?? throw new InvalidOperationException(MissingApiKey),
            parse.GetRequiredValue(Organization),
            parse.GetValue(Desk) ?? "B0001",
            parse.GetValue(Config));
    }

    private string? ApiKeyOf(ParseResult parse) =>
        parse.GetValue(ApiKey) is { Length: > 0 } key ? key
        : Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } variable ? variable
        : null;
}
