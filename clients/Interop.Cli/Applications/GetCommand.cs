using System.CommandLine;
using Interop.Cli.CommandLine;
using Interop.Cli.Output;
using Interop.Contracts.V1;

namespace Interop.Cli.Applications;

/// <summary><c>interop applications get NUMBER</c>: RegistryService.GetApplication.</summary>
internal static class GetCommand
{
    public static Command Create()
    {
        var number = ApplicationOptions.Number();
        var command = new Command("get", "Show one application (its revision is what update, renew, radiate and reactivate expect).") { number }.WithConnection();
        CliAction.SetWithHub(command, async (parse, hub, cancellation) =>
        {
            var application = await hub.Registry.GetApplicationAsync(
                new GetApplicationRequest { Name = ApplicationName.From(parse.GetRequiredValue(number)) }, cancellationToken: cancellation);
            if (parse.GetValue(CliOptions.Json))
            {
                JsonOutput.WriteLine(application);
            }
            else
            {
                ApplicationText.Sheet(Console.Out, application);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
