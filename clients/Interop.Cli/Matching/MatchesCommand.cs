using System.CommandLine;
using Interop.Cli.Applications;
using Interop.Cli.CommandLine;
using Interop.Cli.Output;
using Interop.Contracts.V1;

namespace Interop.Cli.Matching;

/// <summary><c>interop matches find (--file FILE | --last-name … --first-name … --birth-date …) --departement D</c>: MatchingService.FindMatches.</summary>
internal static class MatchesCommand
{
    public static Command Create()
    {
        var file = ApplicationOptions.File(required: false);
        file.Description = "A household as protobuf JSON of interop.v1.Application: its applicant, co-applicant and département are searched; - reads standard input.";
        var lastName = new Option<string?>("--last-name") { Description = "The applicant's last (use) name, instead of the file's.", HelpName = "NAME" };
        var firstName = new Option<string?>("--first-name") { Description = "The applicant's first name(s), space-separated, instead of the file's.", HelpName = "NAMES" };
        var birthDate = new Option<string?>("--birth-date") { Description = "The applicant's birth date (YYYY-MM-DD), instead of the file's.", HelpName = "DATE" };
        var departement = new Option<string?>("--departement") { Description = "The département to search (INSEE code), instead of the file's; every one you may read when neither gives one.", HelpName = "CODE" };
        var find = new Command("find", "Look for applications of the same household among the active ones of a département, with the score and its explanation field by field.")
        {
            file, lastName, firstName, birthDate, departement,
        }.WithConnection();
        CliAction.SetWithHub(find, async (parse, hub, cancellation) =>
        {
            var request = new FindMatchesRequest { Person = new Person() };
            if (parse.GetValue(file) is { } path)
            {
                var application = ApplicationInput.Read(path);
                request.Person = application.Applicant ?? new Person();
                request.CoApplicant = application.CoApplicant;
                request.Departement = application.Departement;
            }

            if (parse.GetValue(lastName) is { } last)
            {
                request.Person.LastName = last;
            }

            if (parse.GetValue(firstName) is { } first)
            {
                request.Person.FirstNames.Clear();
                request.Person.FirstNames.Add(first.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }

            if (parse.GetValue(birthDate) is { } born)
            {
                request.Person.BirthDate = Dates.ParseDate(born, "--birth-date");
            }

            if (parse.GetValue(departement) is { } code)
            {
                request.Departement = code;
            }

            var response = await hub.Matching.FindMatchesAsync(request, cancellationToken: cancellation);
            if (parse.GetValue(CliOptions.Json))
            {
                foreach (var candidate in response.Candidates)
                {
                    JsonOutput.WriteLine(candidate);
                }

                return ExitCodes.Ok;
            }

            if (response.Candidates.Count == 0)
            {
                Console.Out.WriteLine("no match");
            }

            var table = new TableWriter(Console.Out, ("APPLICATION", 32), ("OUTCOME", 8), ("SCORE", 6), ("EXPLANATION", 0));
            foreach (var candidate in response.Candidates)
            {
                table.Row(candidate.Application, CodeNames.Of(candidate.Outcome), candidate.Score.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), candidate.Explanation);
            }

            return ExitCodes.Ok;
        });
        return new Command("matches", "Duplicates of a household (MatchingService).") { find };
    }
}
