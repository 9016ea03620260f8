namespace Interop.Matching.Registration;

/// <summary>One row of the dedup input format (`record_id,last_name,birth_name,first_names,sex,birth_date,…`).</summary>
internal sealed record CsvRecord(
    string Id,
    string LastName,
    string BirthName,
    string FirstNames,
    string Sex,
    string BirthDate,
    string BirthPlace,
    string Nationality,
    string Email,
    string Phone,
    string Postcode,
    string Commune);
