namespace Interop.Cli.Configuration;

/// <summary>One named entry of the config file: where the hub is and which key to use.</summary>
internal sealed class Profile
{
    public string? Hub { get; set; }

    public string? Key { get; set; }
}
