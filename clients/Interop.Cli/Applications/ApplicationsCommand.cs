using System.CommandLine;

namespace Interop.Cli.Applications;

/// <summary><c>interop applications …</c>: the registry, one subcommand per RegistryService call.</summary>
internal static class ApplicationsCommand
{
    public static Command Create() => new("applications", "Register, read, list and change applications (RegistryService).")
    {
        RegisterCommand.Create(),
        GetCommand.Create(),
        ListCommand.Create(),
        UpdateCommand.Create(),
        RenewCommand.Create(),
        RadiateCommand.Create(),
        ReactivateCommand.Create(),
        HistoryCommand.Create(),
    };
}
