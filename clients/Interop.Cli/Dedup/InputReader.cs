using Interop.Cli.CommandLine;
using Interop.Hub.Core.Matching;
using nietras.SeparatedValues;

namespace Interop.Cli.Dedup;

/// <summary>
/// Reads the records to deduplicate: the dedup CSV (RFC 4180, quoted fields allowed, UTF-8) or the
/// FEBRL benchmark files. Sep does the parsing: it is the fastest .NET CSV reader and handles quotes,
/// embedded separators and new lines, which hand-written splitting gets wrong.
/// </summary>
internal static class InputReader
{
    public static readonly string[] Columns =
        ["record_id", "last_name", "birth_name", "first_names", "sex", "birth_date", "birth_place", "nationality", "email", "phone", "postcode", "commune"];

    public static List<PersonIdentity> Read(string path, string format) => format switch
    {
        "csv" => ReadCsv(path),
        "febrl" => ReadFebrl(path),
        _ => throw new UsageException($"--format must be csv or febrl, not '{format}'."),
    };

    public static List<PersonIdentity> ReadCsv(string path)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, Trim = SepTrim.Outer, DisableColCountCheck = true }).FromFile(path);
        var index = Columns.Select(c => reader.Header.TryIndexOf(c, out var i) ? i : -1).ToArray();
        if (index[0] < 0)
        {
            throw new UsageException($"{path}: the header must name record_id (columns: {string.Join(',', Columns)}).");
        }

        var people = new List<PersonIdentity>();
        var values = new string[Columns.Length];
        foreach (var row in reader)
        {
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = index[c] >= 0 && index[c] < row.ColCount ? row[index[c]].ToString() : "";
            }

            string Col(int column) => values[column];
            people.Add(new PersonIdentity
            {
                Id = Col(0),
                LastName = Col(1),
                BirthName = Col(2),
                FirstNames = Col(3).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Sex = Col(4),
                BirthDate = Col(5),
                BirthPlace = Col(6),
                Nationality = Col(7),
                Email = Col(8),
                Phone = Col(9),
                Postcode = Col(10),
                Commune = Col(11),
            });
        }

        return people;
    }

    /// <summary>
    /// FEBRL: "rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode,
    /// state, date_of_birth, soc_sec_id", comma and one space, no quoting. The social-security id
    /// stands in the NIR's place; street number and lines make the address; the suburb is the commune.
    /// </summary>
    public static List<PersonIdentity> ReadFebrl(string path)
    {
        using var reader = Sep.New(',').Reader(o => o with { Trim = SepTrim.All, DisableQuotesParsing = true }).FromFile(path);
        var people = new List<PersonIdentity>();
        foreach (var row in reader)
        {
            people.Add(new PersonIdentity
            {
                Id = row["rec_id"].ToString(),
                FirstNames = row["given_name"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries),
                LastName = row["surname"].ToString(),
                Address = $"{row["street_number"].ToString()} {row["address_1"].ToString()} {row["address_2"].ToString()}".Trim(),
                Commune = row["suburb"].ToString(),
                Postcode = row["postcode"].ToString(),
                BirthDate = row["date_of_birth"].ToString(),
                Nir = row["soc_sec_id"].ToString(),
            });
        }

        return people;
    }

    /// <summary>Pairs declared "not the same household": a CSV with two id columns (header left_id,right_id).</summary>
    public static List<(string, string)> ReadDistinctPairs(string path)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, Trim = SepTrim.Outer }).FromFile(path);
        var pairs = new List<(string, string)>();
        foreach (var row in reader)
        {
            pairs.Add((row[0].ToString(), row[1].ToString()));
        }

        return pairs;
    }
}
