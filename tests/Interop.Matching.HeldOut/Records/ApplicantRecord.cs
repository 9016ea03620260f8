namespace Interop.Matching.HeldOut.Records;

/// <summary>One row of the <c>dedup</c> CSV, with the truth beside it (never written to that CSV).</summary>
internal sealed class ApplicantRecord
{
    public static readonly string Header =
        "record_id,last_name,birth_name,first_names,sex,birth_date,birth_place,nationality,email,phone,postcode,commune";

    public string RecordId { get; set; } = "";

    public required int PersonId { get; init; }

    public string LastName { get; set; } = "";

    public string BirthName { get; set; } = "";

    public string FirstNames { get; set; } = "";

    public string Sex { get; set; } = "";

    public string BirthDate { get; set; } = "";

    public string BirthPlace { get; set; } = "";

    public string Nationality { get; set; } = "";

    public string Email { get; set; } = "";

    public string Phone { get; set; } = "";

    public string Postcode { get; set; } = "";

    public string Commune { get; set; } = "";

    /// <summary>The desk's errors on this record; what differs between two records is added per pair (<see cref="PairKinds"/>).</summary>
    public HashSet<ErrorKind> Errors { get; } = [];

    /// <summary>The person's contacts at this application (before the desk typed or left them out).</summary>
    public required Population.Contacts TrueContacts { get; init; }

    /// <summary>True when this application carries a husband's name.</summary>
    public bool Married { get; init; }

    /// <summary>For someone born in a commune merged since: "former" or "current", which one this record names.</summary>
    public string PlaceForm { get; set; } = "";

    public string ToCsv() => string.Join(
        ',',
        new[] { RecordId, LastName, BirthName, FirstNames, Sex, BirthDate, BirthPlace, Nationality, Email, Phone, Postcode, Commune }
            .Select(CsvLine.Quote));
}
