namespace Interop.Cotation.Benchmarks;

/// <summary>
/// The grid in force and the draft the benchmark scores with, and the same rules written in SQL over the
/// stored household documents, so the core and the plain SQL pass compute the very same totals (checked).
/// </summary>
internal static class BenchGrids
{
    public static readonly string[] Communes = Enumerable.Range(1, 40).Select(i => $"14{i:000}").ToArray();

    public static string Json(bool draft) => $$"""
        {
          "gridId": "bench", "title": "Grille du banc d'essai", "epci": "200065597",
          "territory": { "name": "Banc d'essai", "communes": [{{string.Join(", ", Communes.Select(c => $"\"{c}\""))}}] },
          "version": 1, "validFrom": "2020-01-01",
          "rubrics": [
            { "id": "situation", "label": "Situation", "rule": "cumulative", "criteria": [
              { "id": "violences", "label": "Violences", "kind": "reason", "reasons": ["06"], "points": {{(draft ? 40 : 30)}} },
              { "id": "sans-logement", "label": "Sans logement", "kind": "reason", "reasons": ["01"], "points": 20 } ] },
            { "id": "priorite", "label": "Priorité", "rule": "highest", "criteria": [
              { "id": "dalo", "label": "DALO", "kind": "priority", "flag": "daloActive", "points": {{(draft ? 60 : 50)}} },
              { "id": "prioritaire", "label": "Public prioritaire", "kind": "priority", "flag": "priorityPublic", "points": {{(draft ? 30 : 20)}} } ] },
            { "id": "anciennete", "label": "Ancienneté", "rule": "cumulative", "criteria": [
              { "id": "anciennete", "label": "Ancienneté", "kind": "seniority", "since": "filing", "pointsPerMonth": 1 } ] }
          ]
        }
        """;

    /// <summary>The same grid as a SQL expression over <c>bench_applications</c> (parameter <c>@day</c>).</summary>
    public static string Sql(bool draft) => $"""
        ((CASE WHEN household->'reasonCodes' ? '06' THEN {(draft ? 40 : 30)} ELSE 0 END)
         + (CASE WHEN household->'reasonCodes' ? '01' THEN 20 ELSE 0 END)
         + (CASE WHEN household->'priority'->>'daloStatus' = 'Active' THEN {(draft ? 60 : 50)}
                 WHEN (household->'priority'->>'priorityPublic')::boolean THEN {(draft ? 30 : 20)} ELSE 0 END)
         + (date_part('year', age(@day, filed_date)) * 12 + date_part('month', age(@day, filed_date)))::int)
        """;
}
