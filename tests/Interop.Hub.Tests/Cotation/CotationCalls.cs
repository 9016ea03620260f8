using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Hub.Tests.Cotation;

/// <summary>A test grid of Caen la Mer and the requests the cotation tests send.</summary>
internal static class CotationCalls
{
    public const string Epci = "200065597";

    public const string GridId = "caen-la-mer-test";

    public const string Grid = "grids/" + GridId;

    /// <summary>
    /// Single parent 5, rent burden of 30 % or more 10, domestic violence 30 once a social worker validated
    /// it, seniority 1 point a month since filing.
    /// </summary>
    public static string GridJson(int version = 1, string validFrom = "2026-01-01") => $$"""
        {
          "gridId": "{{GridId}}",
          "title": "Grille de test de Caen la Mer",
          "epci": "{{Epci}}",
          "territory": { "name": "Caen la Mer", "communes": ["14118", "14327"] },
          "version": {{version}},
          "validFrom": "{{validFrom}}",
          "rubrics": [
            {
              "id": "menage", "label": "Situation du ménage", "rule": "cumulative",
              "criteria": [
                { "id": "parent-seul", "label": "Parent seul", "kind": "singleParent", "points": 5 },
                { "id": "taux-effort", "label": "Taux d'effort élevé", "kind": "rentBurden", "minPercent": 30, "points": 10 },
                { "id": "violences", "label": "Violences familiales", "kind": "reason", "reasons": ["06"], "points": 30, "validation": { "role": "travailleur social" } }
              ]
            },
            {
              "id": "anciennete", "label": "Ancienneté", "rule": "cumulative",
              "criteria": [{ "id": "anciennete", "label": "Ancienneté", "kind": "seniority", "since": "filing", "pointsPerMonth": 1 }]
            }
          ]
        }
        """;

    public static CotationService.CotationServiceClient CotationClient(CallInvoker invoker) => new(invoker);

    public static PublishGridVersionRequest Publish(string json) => new() { RequestId = Guid.NewGuid().ToString(), GridJson = json };

    public static GrantGridOwnershipRequest Grant(string organizationId) =>
        new() { RequestId = Guid.NewGuid().ToString(), OrganizationId = organizationId, Epci = Epci };

    public static RecordCriterionValidationRequest Validate(string application, string role, Google.Type.Date day) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Validation = new CriterionValidation
        {
            Application = application,
            Grid = Grid,
            CriterionId = "violences",
            Role = role,
            ValidatedBy = "CCAS de Caen, service social",
            ValidatedDate = day,
        },
    };

    /// <summary>Today's ranking of the applications wishing a T3 in Caen (14118) at 400 € a month, <paramref name="pageSize"/> at most.</summary>
    public static RankApplicationsRequest RankT3(int pageSize = 10) => new()
    {
        Grid = Grid,
        Dwelling = new DwellingProfile { CommuneCode = "14118", Typology = Typology.T3, MonthlyRentEur = 400 },
        PageSize = pageSize,
    };

    public static Google.Type.Date On(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    /// <summary>
    /// Waits until the stored scores include every change and publication made so far: no territory
    /// rescoring is pending, and the cotation projection's checkpoint has passed every change, all of
    /// them sequenced. The runner's CatchUpAsync alone may stop short when
    /// the background sequencer holds the sequencing lock at that moment (its RunOnceAsync then numbers
    /// nothing), so it is called until the log agrees: for up to a minute of machine time, not a number of
    /// attempts, since on a loaded machine (nine test assemblies at once on two cores) a hundred quick
    /// attempts can all fall within one long run of the background sequencer.
    /// </summary>
    public static async Task CatchUpAsync(HubHost hub)
    {
        await hub.Services.GetRequiredService<Interop.Hub.Cotation.ScoreRefresh>().CatchUpAsync(CancellationToken.None);
        var runner = hub.Services.GetRequiredService<Interop.Hub.Projections.ProjectionRunner>();
        var probe = new DatabaseProbe(hub.ConnectionString);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            await runner.CatchUpAsync(CancellationToken.None);
            var behind = await probe.QueryAsync<long>(
                "SELECT count(*) FROM changes WHERE change_seq IS NULL OR change_seq > (SELECT checkpoint_seq FROM projection_checkpoints WHERE projection = 'cotation-scores')");
            if (behind.Single() == 0)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The cotation projection did not catch up with the change log in {waited.Elapsed.TotalSeconds:0} s.");
    }
}
