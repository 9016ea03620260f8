using System.Text.Json;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Adapters.Tests.Template;

/// <summary>
/// The <c>dotnet new interop-adapter</c> template as an integrator uses it: installed from the repository,
/// instantiated, built (offline: the SDK by project reference, packages from the local cache), then run as
/// its own process against a real hub, where a household typed in its toy ERP is registered and a household
/// registered elsewhere reaches its ERP.
/// </summary>
public sealed class AdapterTemplateTests(LandlordsHub hub) : IClassFixture<LandlordsHub>
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task NewAdapterFromTheTemplate_Builds_AndSyncsOneRegistrationEachWay()
    {
        var repository = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("adapter-template-");
        try
        {
            // `dotnet new install` writes to the CLI home: a temporary one leaves the machine's templates alone.
            var newEnvironment = new Dictionary<string, string?>
            {
                ["DOTNET_CLI_HOME"] = Path.Combine(work.FullName, "cli-home"),
                ["DOTNET_NOLOGO"] = "1",
                ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            };
            await DotnetAsync(newEnvironment, TimeSpan.FromMinutes(3), "new", "install", Path.Combine(repository, "adapters", "templates", "interop-adapter"));
            var project = Path.Combine(work.FullName, "Acme.Adapter");
            var sdk = Path.Combine(repository, "adapters", "Interop.Adapters.Sdk", "Interop.Adapters.Sdk.csproj");
            await DotnetAsync(newEnvironment, TimeSpan.FromMinutes(3), "new", "interop-adapter", "-n", "Acme.Adapter", "-o", project, "--SdkProject", sdk);
            Assert.True(File.Exists(Path.Combine(project, "Acme.Adapter.csproj")), "the project is named after -n");
            Assert.Contains("namespace Acme.Adapter.Erp;", await File.ReadAllTextAsync(Path.Combine(project, "Erp", "ToyErp.cs")), StringComparison.Ordinal);

            // Built in this test's configuration without building the SDK again: its output is already there
            // (this test project references it), and CI's other test assemblies keep their files untouched.
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            await DotnetAsync(
                new Dictionary<string, string?> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0", ["MSBUILDTERMINALLOGGER"] = "off" },
                BuildTimeout, "build", Path.Combine(project, "Acme.Adapter.csproj"), "-c", configuration, "--no-dependencies");
            var program = Path.Combine(project, "bin", configuration, "net10.0", "Acme.Adapter.dll");
            Assert.True(File.Exists(program), $"{program} built");

            var (landlord, other) = (await hub.JoinAsync("acme"), await hub.JoinAsync("acme-other"));
            var erp = Directory.CreateDirectory(Path.Combine(work.FullName, "erp")).FullName;
            var typed = TestApplications.UniqueName();
            await File.WriteAllTextAsync(Path.Combine(erp, "outbox.jsonl"), JsonSerializer.Serialize(new
            {
                dossier = "ACME-1",
                action = "register",
                nom = typed,
                prenom = "Camille",
                sexe = "F",
                dateNaissance = "1988-04-12",
                communeNaissance = "14118",
                nationalite = "FR",
                courriel = "camille@example.fr",
                situation = "SEPARE",
                logement = "LOCPRIV",
                motif = "DIVORCE",
                revenu = 1450,
                departement = "14",
                typologie = "T3",
                communeSouhaitee = "14118",
            }) + "\n");

            await using var adapter = ChildProcess.Start(
                "dotnet", [program, "--hub", hub.Hub.Address.ToString(), "--organization", landlord.OrganizationId, "--desk", landlord.Desk, "--erp", erp],
                new Dictionary<string, string?> { ["INTEROP_API_KEY"] = landlord.ApiKey });

            await Eventually.TrueAsync(async () => await ApplicationsOfAsync(typed) == 1, "the household typed in the toy ERP registered at the hub", timeoutSeconds: 120);

            using var elsewhere = hub.Hub.Connect(other.ApiKey);
            var registered = await elsewhere.Registry.CreateApplicationAsync(new CreateApplicationRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                RegisteringDesk = other.Desk,
                Application = TestApplications.Valid(),
            });
            var received = Path.Combine(erp, "inbox", registered.Application.Number + ".json");
            await Eventually.TrueAsync(() => File.Exists(received), "the household registered elsewhere in the toy ERP's inbox", timeoutSeconds: 60);
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(received));
            Assert.Equal(1, document.RootElement.GetProperty("revision").GetInt64());
            Assert.Equal("LOCPRIV", document.RootElement.GetProperty("logement").GetString());
            Assert.False(adapter.HasExited, adapter.Combined);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task DotnetAsync(IDictionary<string, string?> environment, TimeSpan timeout, params string[] arguments)
    {
        var result = await ChildProcess.RunAsync("dotnet", arguments, environment, timeout: timeout);
        // The template engine's settings file may still be held by the install that just ended (seen under load:
        // "packages.json ... being used by another process"): that is the engine's lock, so the command is run
        // again until the file is free, a few times at most.
        for (var attempt = 1; attempt < 5 && result.ExitCode != 0 && (result.Output + result.Error).Contains("being used by another process", StringComparison.Ordinal); attempt++)
        {
            result = await ChildProcess.RunAsync("dotnet", arguments, environment, timeout: timeout);
        }

        Assert.True(result.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} exited with {result.ExitCode}:\n{result.Output}\n{result.Error}");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Interop.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Interop.sln not found above " + AppContext.BaseDirectory);
    }

    private async Task<long> ApplicationsOfAsync(string lastName) =>
        (await new DatabaseProbe(hub.Hub.ConnectionString).QueryAsync<long>(
            "select count(*) from applications where household::text like '%' || @lastName || '%'", new { lastName }))[0];
}
