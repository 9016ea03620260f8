using System.Text.Json;
using Interop.Cli.CommandLine;

namespace Interop.Cli.Configuration;

/// <summary>
/// <c>$XDG_CONFIG_HOME/interop/config.json</c> (else <c>~/.config/interop/config.json</c>):
/// <c>{ "profiles": { "default": { "hub": "http://127.0.0.1:5080", "key": "ik_…" }, "prod": { … } } }</c>.
/// Written readable by its owner only, since it holds keys.
/// </summary>
internal sealed class ProfileFile
{
    private static readonly JsonSerializerOptions Format = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public Dictionary<string, Profile> Profiles { get; set; } = new(StringComparer.Ordinal);

    public static string PathOf()
    {
        var configHome = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(configHome))
        {
            configHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }

        return Path.Combine(configHome, "interop", "config.json");
    }

    /// <summary>The file's profiles; none when the file does not exist.</summary>
    public static ProfileFile Load()
    {
        var path = PathOf();
        if (!File.Exists(path))
        {
            return new ProfileFile();
        }

        try
        {
            var file = JsonSerializer.Deserialize<ProfileFile>(File.ReadAllText(path), Format) ?? new ProfileFile();
            file.Profiles = new Dictionary<string, Profile>(file.Profiles ?? [], StringComparer.Ordinal);
            return file;
        }
        catch (JsonException malformed)
        {
            throw new UsageException($"{path} is not a valid profile file: {malformed.Message}");
        }
    }

    public void Save()
    {
        var path = PathOf();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, this, Format);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
