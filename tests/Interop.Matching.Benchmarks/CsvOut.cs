using System.Text;
using Interop.Hub.Core.Matching;

namespace Interop.Matching.Benchmarks;

/// <summary>Writes synthetic records in the dedup command's input format (RFC 4180 quoting).</summary>
internal static class CsvOut
{
    public static void Write(string path, IEnumerable<PersonIdentity> people)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("record_id,last_name,birth_name,first_names,sex,birth_date,birth_place,nationality,email,phone,postcode,commune");
        foreach (var p in people)
        {
            string[] fields = [p.Id, p.LastName, p.BirthName, string.Join(' ', p.FirstNames), p.Sex, p.BirthDate, p.BirthPlace, p.Nationality, p.Email, p.Phone, p.Postcode, p.Commune];
            writer.WriteLine(string.Join(',', fields.Select(Quote)));
        }
    }

    /// <summary>Which person each record is, in the held-out set's truth format.</summary>
    public static void WriteTruth(string path, IEnumerable<(string RecordId, string PersonId)> truth)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("record_id,person_id");
        foreach (var (record, person) in truth)
        {
            writer.WriteLine($"{Quote(record)},{Quote(person)}");
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
