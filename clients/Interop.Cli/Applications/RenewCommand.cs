using System.CommandLine;
using Interop.Cli.CommandLine;
using Interop.Contracts.V1;

namespace Interop.Cli.Applications;

/// <summary><c>interop applications renew NUMBER --expected-revision N [--file FILE --mask FIELDS]</c>.</summary>
internal static class RenewCommand
{
    public static Command Create()
    {
        var number = ApplicationOptions.Number();
        var expected = ApplicationOptions.ExpectedRevision();
        var file = ApplicationOptions.File(required: false);
        var mask = UpdateCommand.Mask(required: false);
        var requestId = ApplicationOptions.RequestId();
        var command = new Command(
            "renew",
            "Renew an application for one year (allowed from one month before it expires); --file with --mask updates fields in the same step.")
        {
            number, expected, file, mask, requestId,
        }.WithConnection();
        CliAction.SetWithHub(command, async (parse, hub, cancellation) =>
        {
            var request = new RenewApplicationRequest
            {
                RequestId = ApplicationOptions.RequestIdOf(parse, requestId),
                Name = ApplicationName.From(parse.GetRequiredValue(number)),
                ExpectedRevision = parse.GetValue(expected),
            };
            var path = parse.GetValue(file);
            var fields = UpdateCommand.MaskOf(parse.GetValue(mask));
            if ((path is null) != (fields is null))
            {
                throw new UsageException("--file and --mask go together: the mask names which of the file's fields replace the application's.");
            }

            if (path is not null)
            {
                request.Application = ApplicationInput.Read(path);
                request.Application.Name = request.Name;
                request.UpdateMask = fields;
            }

            var renewed = await hub.Registry.RenewApplicationAsync(request, cancellationToken: cancellation);
            return ApplicationOutput.Changed(parse, renewed, "renewed");
        });
        return command;
    }
}
