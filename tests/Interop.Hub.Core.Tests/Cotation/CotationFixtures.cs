using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Grids;
using Interop.Hub.Core.Cotation.Loading;

namespace Interop.Hub.Core.Tests.Cotation;

/// <summary>Small grids written as the JSON an EPCI would write, and applications to score with them.</summary>
public static class CotationFixtures
{
    public const string Number = "014240314ABCDE00017";

    /// <summary>The day tests score on, unless they are about dates.</summary>
    public static readonly DateOnly Day = new(2025, 6, 15);

    /// <summary>A complete grid file around <paramref name="rubrics"/> (a JSON array).</summary>
    public static string GridJson(string rubrics, int version = 1, string validFrom = "2024-01-01", string extra = "") => $$"""
        {
          "gridId": "caen-test",
          "title": "Grille de test",
          "epci": "200065597",
          "territory": { "name": "Caen la Mer", "communes": ["14118", "14327"] },
          "version": {{version}},
          "validFrom": "{{validFrom}}",{{extra}}
          "rubrics": {{rubrics}}
        }
        """;

    /// <summary>A grid of one rubric holding <paramref name="criteria"/> (JSON objects).</summary>
    public static string OneRubricJson(string rule, params string[] criteria) =>
        GridJson($$"""[{ "id": "rubrique", "label": "Rubrique", "rule": "{{rule}}", "criteria": [{{string.Join(",", criteria)}}] }]""");

    public static CotationGrid OneRubric(string rule, params string[] criteria) => GridLoader.Load(OneRubricJson(rule, criteria));

    /// <summary>TestHouseholds.Valid (a couple with two children, private tenant) filed on 10 March 2024.</summary>
    public static CotationSubject Subject(
        Func<Household, Household>? change = null,
        CurrentDwelling? dwelling = null,
        DateOnly? filed = null,
        DateOnly? renewed = null,
        string number = Number) => new()
        {
            Number = number,
            FiledDate = filed ?? new DateOnly(2024, 3, 10),
            LastRenewedDate = renewed,
            Household = (change ?? (household => household))(TestHouseholds.Valid()),
            CurrentDwelling = dwelling ?? CurrentDwelling.Unknown,
        };
}
