using System.CommandLine;
using Interop.Cli.CommandLine;
using Interop.Cli.Output;
using Interop.Contracts.V1;

namespace Interop.Cli.Applications;

/// <summary><c>interop applications get NUMBER [--as-of DATE|DATETIME]</c>: RegistryService.GetApplication.</summary>
internal static class GetCommand
{
    public static Command Create()
    {
        var number = ApplicationOptions.Number();
        var asOf = AsOf.Option();
        var command = new Command(
            "get",
            "Show one application (its revision is what update, renew, radiate and reactivate expect), or with --as-of as it stood at a past date.")
        {
            number, asOf,
        }.WithConnection();
        CliAction.SetWithHub(command, async (parse, hub, cancellation) =>
        {
            var instant = AsOf.Of(parse.GetValue(asOf), TimeProvider.System);
            var application = await hub.Registry.GetApplicationAsync(
                new GetApplicationRequest { Name = ApplicationName.From(parse.GetRequiredValue(number)), AsOf = instant }, cancellationToken: cancellation);
            if (parse.GetValue(CliOptions.Json))
            {
                JsonOutput.WriteLine(application);
            }
            else
            {
                if (instant is not null)
                {
                    Console.Out.WriteLine($"{"as of:",-18}{FrenchTime.Format(instant)}");
                }

                ApplicationText.Sheet(Console.Out, application);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
