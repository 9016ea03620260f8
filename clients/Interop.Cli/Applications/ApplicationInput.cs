using Google.Protobuf;
using Interop.Cli.CommandLine;
using Interop.Contracts.V1;

namespace Interop.Cli.Applications;

/// <summary>
/// A household given as a file in the protobuf JSON format of <c>interop.v1.Application</c>
/// (<c>--file FILE</c>, or <c>-</c> for standard input), e.g.
/// <c>{"departement": "14", "applicant": {"lastName": "Martin", "firstNames": ["Jean"], …}, …}</c>.
/// </summary>
internal static class ApplicationInput
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static Application Read(string path)
    {
        string json;
        if (path == "-")
        {
            json = Console.In.ReadToEnd();
        }
        else if (File.Exists(path))
        {
            json = File.ReadAllText(path);
        }
        else
        {
            throw new UsageException($"--file {path}: no such file.");
        }

        try
        {
            return Parser.Parse<Application>(json);
        }
        catch (InvalidProtocolBufferException malformed)
        {
            throw new UsageException($"--file {path}: not protobuf JSON of interop.v1.Application: {malformed.Message}");
        }
        catch (InvalidJsonException malformed)
        {
            throw new UsageException($"--file {path}: not valid JSON: {malformed.Message}");
        }
    }
}
