using Interop.Client;
using Interop.Contracts.V1;
using Interop.NationalExchange.Returns;

namespace Interop.NationalExchange.Import;

/// <summary>
/// Applies the DALO decisions of a return file: the household's DALO status
/// takes the decided one through <c>RecordNationalDaloDecision</c>, one change on
/// the feed for every subscribed ERP. The status is read first and a decision the
/// hub already holds is not sent (a rerun, or the same decision in a later
/// return); the request id derives from the file's identity and the line, so a
/// retry after a crash between the call and the record is answered with the
/// first answer.
/// </summary>
internal sealed class DaloDecisionImport(InteropClient client, NationalExchangeService.NationalExchangeServiceClient national)
{
    public async Task ApplyAsync(ReturnFileHeader header, string fileName, DecisionDalo decision, ImportRun run, CancellationToken cancellationToken)
    {
        var status = ReturnCodes.Dalo(decision.StatutDalo);
        Application current;
        try
        {
            current = await client.Registry.GetApplicationAsync(
                new GetApplicationRequest { Name = "applications/" + decision.Number }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            run.Issues.Add(new ImportIssue(decision.Position, decision.Number, "decisionDalo", "a DALO decision for an application unknown here"));
            return;
        }

        if (current.Priority?.DaloStatus == status)
        {
            run.DaloAlreadyDecided++;
            return;
        }

        if (current.Status != ApplicationStatus.Active)
        {
            run.Issues.Add(new ImportIssue(decision.Position, decision.Number, "decisionDalo",
                $"DALO decision {decision.StatutDalo} for an application {current.Status} here: not applied"));
            return;
        }

        try
        {
            await national.RecordNationalDaloDecisionAsync(
                new RecordNationalDaloDecisionRequest
                {
                    RequestId = RequestIds.For(header.Identity, decision.Position, "dalo"),
                    Name = current.Name,
                    ExpectedRevision = current.Revision,
                    DaloStatus = status,
                    DecisionDate = new Google.Type.Date { Year = decision.DateDecision.Year, Month = decision.DateDecision.Month, Day = decision.DateDecision.Day },
                    NationalReference = $"{fileName} line {decision.Position}",
                },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            run.DaloDecided++;
        }
        catch (RevisionMismatchException)
        {
            // Changed here between the read and the decision: the next import of the file reads it again.
            run.Issues.Add(new ImportIssue(decision.Position, decision.Number, "decisionDalo", "changed here while importing: import the file again"));
        }
        catch (PreconditionFailedException e)
        {
            run.Issues.Add(new ImportIssue(decision.Position, decision.Number, "decisionDalo", e.Message));
        }
    }
}
