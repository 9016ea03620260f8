using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using Interop.Cli.CommandLine;
using Interop.Contracts.V1;

namespace Interop.Cli.Applications;

/// <summary><c>interop applications update NUMBER --file FILE --mask applicant,wishes --expected-revision N</c>.</summary>
internal static class UpdateCommand
{
    public static readonly string[] MaskFields =
    [
        "applicant", "co_applicant", "co_applicant_link", "family_situation", "household_members",
        "resources", "current_housing", "reason_codes", "wishes", "disability", "priority", "current_dwelling",
    ];

    public static Command Create()
    {
        var number = ApplicationOptions.Number();
        var file = ApplicationOptions.File(required: true);
        var mask = Mask(required: true);
        var expected = ApplicationOptions.ExpectedRevision();
        var requestId = ApplicationOptions.RequestId();
        var command = new Command("update", "Replace the named household fields of an application with the file's (fields not named are left as they are).")
        {
            number, file, mask, expected, requestId,
        }.WithConnection();
        CliAction.SetWithHub(command, async (parse, hub, cancellation) =>
        {
            var application = ApplicationInput.Read(parse.GetRequiredValue(file));
            application.Name = ApplicationName.From(parse.GetRequiredValue(number));
            var updated = await hub.Registry.UpdateApplicationAsync(new UpdateApplicationRequest
            {
                RequestId = ApplicationOptions.RequestIdOf(parse, requestId),
                Application = application,
                UpdateMask = MaskOf(parse.GetValue(mask)),
                ExpectedRevision = parse.GetValue(expected),
            }, cancellationToken: cancellation);
            return ApplicationOutput.Changed(parse, updated, "updated");
        });
        return command;
    }

    public static Option<string?> Mask(bool required)
    {
        var option = new Option<string?>("--mask")
        {
            Description = "Comma-separated top-level fields to replace: " + string.Join(", ", MaskFields) + ".",
            HelpName = "FIELDS",
            Required = required,
        };
        option.CompletionSources.Add(MaskFields);
        option.Validators.Add(result =>
        {
            var typed = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            var unknown = Fields(typed).Where(f => !MaskFields.Contains(f)).ToList();
            if (unknown.Count > 0)
            {
                result.AddError($"--mask: unknown field(s) {string.Join(", ", unknown)}; the fields are {string.Join(", ", MaskFields)}.");
            }
        });
        return option;
    }

    public static FieldMask? MaskOf(string? typed) =>
        string.IsNullOrWhiteSpace(typed) ? null : new FieldMask { Paths = { Fields(typed) } };

    private static IEnumerable<string> Fields(string typed) =>
        typed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.Replace('-', '_'));
}
