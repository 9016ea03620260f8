using System.CommandLine;
using Interop.Cli.CommandLine;
using Interop.Contracts.V1;

namespace Interop.Cli.Applications;

/// <summary><c>interop applications reactivate NUMBER --expected-revision N</c>.</summary>
internal static class ReactivateCommand
{
    public static Command Create()
    {
        var number = ApplicationOptions.Number();
        var expected = ApplicationOptions.ExpectedRevision();
        var requestId = ApplicationOptions.RequestId();
        var command = new Command(
            "reactivate",
            "Reactivate a radiated application, keeping its number and filing date (no-answer within 5 months, not-renewed within 18 months of the last filing or renewal).")
        {
            number, expected, requestId,
        }.WithConnection();
        CliAction.SetWithHub(command, async (parse, hub, cancellation) =>
        {
            var reactivated = await hub.Registry.ReactivateApplicationAsync(new ReactivateApplicationRequest
            {
                RequestId = ApplicationOptions.RequestIdOf(parse, requestId),
                Name = ApplicationName.From(parse.GetRequiredValue(number)),
                ExpectedRevision = parse.GetValue(expected),
            }, cancellationToken: cancellation);
            return ApplicationOutput.Changed(parse, reactivated, "reactivated");
        });
        return command;
    }
}
