using System.CommandLine;
using Interop.Cli.CommandLine;
using Interop.Cli.Output;
using Interop.Contracts.V1;

namespace Interop.Cli.Applications;

/// <summary><c>interop applications radiate NUMBER --expected-revision N --reason renunciation|no-answer [--warning-letter-date DATE]</c>.</summary>
internal static class RadiateCommand
{
    private static readonly string[] Reasons = [CodeNames.Of(RadiationReason.Renunciation), CodeNames.Of(RadiationReason.NoAnswer)];

    public static Command Create()
    {
        var number = ApplicationOptions.Number();
        var expected = ApplicationOptions.ExpectedRevision();
        var reason = new Option<string>("--reason")
        {
            Description = "renunciation (RADABA: the household gives up) or no-answer (RADCON: at least one month after a warning letter left unanswered).",
            HelpName = string.Join('|', Reasons),
            Required = true,
        };
        reason.AcceptOnlyFromAmong(Reasons);
        var warningLetter = new Option<string?>("--warning-letter-date")
        {
            Description = "Day the warning letter was sent (YYYY-MM-DD); required with no-answer.",
            HelpName = "DATE",
        };
        var requestId = ApplicationOptions.RequestId();
        var command = new Command("radiate", "Strike an application off (radiation) for renunciation or no answer.")
        {
            number, expected, reason, warningLetter, requestId,
        }.WithConnection();
        CliAction.SetWithHub(command, async (parse, hub, cancellation) =>
        {
            CodeNames.TryParse<RadiationReason>(parse.GetRequiredValue(reason), out var radiationReason);
            var request = new RadiateApplicationRequest
            {
                RequestId = ApplicationOptions.RequestIdOf(parse, requestId),
                Name = ApplicationName.From(parse.GetRequiredValue(number)),
                ExpectedRevision = parse.GetValue(expected),
                Reason = radiationReason,
            };
            if (parse.GetValue(warningLetter) is { } date)
            {
                request.WarningLetterDate = Dates.ParseDate(date, "--warning-letter-date");
            }

            var radiated = await hub.Registry.RadiateApplicationAsync(request, cancellationToken: cancellation);
            return ApplicationOutput.Changed(parse, radiated, "radiated");
        });
        return command;
    }
}
