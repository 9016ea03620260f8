namespace Interop.Matching.Registration;

/// <summary>Which person each record is (`record_id,person_id[,…]`, the held-out set's truth.csv format).</summary>
internal sealed class Truth(string[] personOf)
{
    public string PersonOf(int record) => personOf[record];

    public static Truth Read(string path, IReadOnlyList<CsvRecord> records)
    {
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length > 0)
            {
                var fields = DedupCsv.Split(line);
                byId[fields[0]] = fields[1];
            }
        }

        var personOf = new string[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            personOf[i] = byId.TryGetValue(records[i].Id, out var person)
                ? person
                : throw new InvalidDataException($"record {records[i].Id} is not in {path}");
        }

        return new Truth(personOf);
    }
}
