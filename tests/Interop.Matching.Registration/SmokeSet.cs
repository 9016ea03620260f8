namespace Interop.Matching.Registration;

/// <summary>
/// A tiny built-in set for `--smoke` (no external data): a few people registered twice with a desk error, and
/// strangers. It proves the path (hub, client, refusals, review queue, scoring), not the figures.
/// </summary>
internal static class SmokeSet
{
    private static readonly string[] Rows =
    [
        "s1,Lefrançois,,Camille,F,1988-04-12,14118,FR,camille.lefrancois@example.fr,0611223344,14000,Caen",
        "s2,Martin,,Paul Henri,M,1975-02-11,75112,FR,paul.martin@example.fr,0622334455,14000,Caen",
        "s3,Nguyen,,Thi Lan,F,1990-06-14,99243,VN,,0633445566,14200,Hérouville-Saint-Clair",
        "s4,LEFRANCOIS,,camille,F,1988-12-04,14118,FR,camille.lefrancois@example.fr,0611223344,14000,Caen",
        "s5,Durand,Tessier,Sophie,F,1982-06-30,14118,FR,sophie.durand@example.fr,0644556677,14000,Caen",
        "s6,Martin,,Paul,M,1975-02-11,75112,FR,paul.martin@example.fr,,14000,Caen",
        "s7,Bernard,,Lucas,M,2001-12-30,33063,FR,lucas.b@example.fr,0655667788,14000,Caen",
        "s8,Sophie,Tessier,Durand,F,1982-06-30,14118,FR,sophie.durand@example.fr,0644556677,14000,Caen",
        "s9,Petit,,Jeanne,F,1960-01-01,14118,FR,,,14000,Caen",
        "s10,Bernard,,Lucas,M,2001-12-31,33063,FR,lucas.b@example.fr,0655667788,14000,Caen",
    ];

    private static readonly string[] People = ["p1", "p2", "p3", "p1", "p4", "p2", "p5", "p4", "p6", "p5"];

    /// <summary>Writes the set and its truth into <paramref name="folder"/>; returns their paths.</summary>
    public static (string Input, string Truth) Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var input = Path.Combine(folder, "smoke.csv");
        var truth = Path.Combine(folder, "truth.csv");
        File.WriteAllLines(input, ["record_id,last_name,birth_name,first_names,sex,birth_date,birth_place,nationality,email,phone,postcode,commune", .. Rows]);
        File.WriteAllLines(truth, ["record_id,person_id", .. Rows.Select((row, i) => $"{row[..row.IndexOf(',', StringComparison.Ordinal)]},{People[i]}")]);
        return (input, truth);
    }
}
