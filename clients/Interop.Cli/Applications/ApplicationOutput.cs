using System.CommandLine;
using Interop.Cli.CommandLine;
using Interop.Cli.Output;
using Interop.Contracts.V1;

namespace Interop.Cli.Applications;

/// <summary>What a command that changed an application prints: the JSON of the result, or one line for a person.</summary>
internal static class ApplicationOutput
{
    public static int Changed(ParseResult parse, Application application, string verb)
    {
        if (parse.GetValue(CliOptions.Json))
        {
            JsonOutput.WriteLine(application);
        }
        else
        {
            Console.Out.WriteLine($"{verb} {application.Number}: {ApplicationText.Status(application)}, revision {application.Revision}, expires {Dates.Format(application.ExpiryDate)}");
        }

        return ExitCodes.Ok;
    }
}
