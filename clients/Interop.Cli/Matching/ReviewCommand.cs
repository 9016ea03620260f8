using System.CommandLine;
using Interop.Cli.CommandLine;
using Interop.Cli.Output;
using Interop.Contracts.V1;

namespace Interop.Cli.Matching;

/// <summary><c>interop review list|resolve</c>: the queue of probable duplicates a person decides (MatchingService).</summary>
internal static class ReviewCommand
{
    private static readonly string[] Decisions = [CodeNames.Of(ReviewItemState.SameHousehold), CodeNames.Of(ReviewItemState.DifferentHouseholds)];

    public static Command Create() => new("review", "The review queue: probable duplicates waiting for a person's decision.")
    {
        List(),
        Resolve(),
    };

    private static Command List()
    {
        var state = CodeOption.Create<ReviewItemState>("--state", "Only items in this state (open by default).");
        var departement = new Option<string?>("--departement") { Description = "Only this département (INSEE code).", HelpName = "CODE" };
        var command = new Command("list", "List review items: the new application, its probable duplicate, the score.") { state, departement }.WithConnection();
        CliAction.SetWithHub(command, async (parse, hub, cancellation) =>
        {
            var json = parse.GetValue(CliOptions.Json);
            var table = new TableWriter(Console.Out, ("ITEM", 20), ("STATE", 21), ("APPLICATION", 32), ("CANDIDATE", 32), ("SCORE", 6), ("CREATED", 0));
            var request = new ListReviewItemsRequest
            {
                State = parse.GetValue(state) ?? ReviewItemState.Unspecified,
                Departement = parse.GetValue(departement) ?? "",
                PageSize = 500,
            };
            do
            {
                var page = await hub.Matching.ListReviewItemsAsync(request, cancellationToken: cancellation);
                foreach (var item in page.ReviewItems)
                {
                    if (json)
                    {
                        JsonOutput.WriteLine(item);
                    }
                    else
                    {
                        table.Row(
                            item.Name, CodeNames.Of(item.State), item.Application, item.Candidate,
                            (item.Match?.Score ?? 0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), Dates.Format(item.CreateTime));
                    }
                }

                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Resolve()
    {
        var item = new Argument<string>("ITEM") { Description = "The review item: reviewItems/ID or its ID." };
        var decision = new Option<string>("--decision")
        {
            Description = "same-household merges the two applications (the older survives); different-households records that they are distinct, never proposed again.",
            HelpName = string.Join('|', Decisions),
            Required = true,
        };
        decision.AcceptOnlyFromAmong(Decisions);
        var requestId = Applications.ApplicationOptions.RequestId();
        var command = new Command("resolve", "Decide a review item (MatchingService.ResolveReviewItem).") { item, decision, requestId }.WithConnection();
        CliAction.SetWithHub(command, async (parse, hub, cancellation) =>
        {
            CodeNames.TryParse<ReviewItemState>(parse.GetRequiredValue(decision), out var state);
            var typed = parse.GetRequiredValue(item).Trim();
            var resolved = await hub.Matching.ResolveReviewItemAsync(new ResolveReviewItemRequest
            {
                RequestId = Applications.ApplicationOptions.RequestIdOf(parse, requestId),
                Name = typed.StartsWith("reviewItems/", StringComparison.Ordinal) ? typed : "reviewItems/" + typed,
                Decision = state,
            }, cancellationToken: cancellation);
            if (parse.GetValue(CliOptions.Json))
            {
                JsonOutput.WriteLine(resolved);
            }
            else
            {
                var survivor = resolved.Survivor.Length > 0 ? $", survivor {resolved.Survivor}" : "";
                Console.Out.WriteLine($"{resolved.Name}: {CodeNames.Of(resolved.State)}{survivor}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
