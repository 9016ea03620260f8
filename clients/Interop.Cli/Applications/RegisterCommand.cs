using System.CommandLine;
using Interop.Cli.CommandLine;
using Interop.Cli.Output;
using Interop.Contracts.V1;

namespace Interop.Cli.Applications;

/// <summary><c>interop applications register --file FILE [--desk CODE]</c>: RegistryService.CreateApplication.</summary>
internal static class RegisterCommand
{
    public static Command Create()
    {
        var file = ApplicationOptions.File(required: true);
        var desk = new Option<string?>("--desk")
        {
            Description = "Registering desk (guichet enregistreur), one of your organisation's; may be left out if it runs exactly one.",
            HelpName = "CODE",
        };
        var departement = new Option<string?>("--departement") { Description = "INSEE code of the département (14, 2A, 974), instead of the file's.", HelpName = "CODE" };
        var requestId = ApplicationOptions.RequestId();
        var command = new Command("register", "Register a new application; prints its number. A probable duplicate is registered with a review item; a certain one is refused (ALREADY_EXISTS).")
        {
            file, desk, departement, requestId,
        }.WithConnection();
        CliAction.SetWithHub(command, async (parse, hub, cancellation) =>
        {
            var application = ApplicationInput.Read(parse.GetRequiredValue(file));
            if (parse.GetValue(departement) is { Length: > 0 } code)
            {
                application.Departement = code;
            }

            var response = await hub.Registry.CreateApplicationAsync(new CreateApplicationRequest
            {
                RequestId = ApplicationOptions.RequestIdOf(parse, requestId),
                Application = application,
                RegisteringDesk = parse.GetValue(desk) ?? "",
            }, cancellationToken: cancellation);
            if (parse.GetValue(CliOptions.Json))
            {
                JsonOutput.WriteLine(response);
                return ExitCodes.Ok;
            }

            ApplicationOutput.Changed(parse, response.Application, "registered");
            foreach (var candidate in response.MatchCandidates)
            {
                Console.Out.WriteLine($"  {CodeNames.Of(candidate.Outcome)} duplicate of {candidate.Application} (score {candidate.Score:0.0}): {candidate.Explanation}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
