using System.Text;

namespace Interop.Matching.Registration;

/// <summary>Reads the dedup input format by its header (any column but `record_id` may be absent).</summary>
internal static class DedupCsv
{
    public static List<CsvRecord> Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = Split(reader.ReadLine() ?? "");
        var records = new List<CsvRecord>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = Split(line);
            string Field(string name)
            {
                var at = Array.IndexOf(header, name);
                return at >= 0 && at < fields.Length ? fields[at].Trim() : "";
            }

            records.Add(new CsvRecord(
                Field("record_id"), Field("last_name"), Field("birth_name"), Field("first_names"), Field("sex"), Field("birth_date"),
                Field("birth_place"), Field("nationality"), Field("email"), Field("phone"), Field("postcode"), Field("commune")));
        }

        return records;
    }

    /// <summary>RFC 4180 fields of one line (the sets read here hold no line break inside a field).</summary>
    public static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
