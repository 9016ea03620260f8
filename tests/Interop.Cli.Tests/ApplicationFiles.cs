using Google.Protobuf;
using Interop.Contracts.V1;

namespace Interop.Cli.Tests;

/// <summary>Households written as an integrator writes them for <c>--file</c>: protobuf JSON of interop.v1.Application.</summary>
internal sealed class ApplicationFiles : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("interop-cli-files-").FullName;

    public string Write(Application application) => Write(JsonFormatter.Default.Format(application));

    public string Write(string content)
    {
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, content);
        return path;
    }

    public string PathOf(string name) => Path.Combine(folder, name);

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
