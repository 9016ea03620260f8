namespace Interop.Matching.HeldOut.Records;

/// <summary>
/// What the desk got wrong on one record, or what changed since the person's other application. A pair of records
/// of one person carries the kinds of both; the scorer breaks misses down by them.
/// </summary>
internal enum ErrorKind
{
    /// <summary>A married woman's names written another way: "X épouse Y", "Y née X", "X ép. Y", "X veuve Y", structured.</summary>
    MarriedNameForm,

    /// <summary>Only one of a married woman's names given (the use name or the birth name), the other missing.</summary>
    MarriedNameOnlyOne,

    /// <summary>Use name and birth name typed in each other's fields.</summary>
    UseAndBirthNameSwapped,

    /// <summary>She married between two applications: the later one carries her husband's name.</summary>
    MarriedBetweenApplications,

    /// <summary>Surname typed as first name and first name as surname (the birth name, when given, left as it was).</summary>
    SurnameAndFirstNameSwapped,

    FirstNamesReordered,

    /// <summary>Only the first given name kept, or only the usual one (not the first).</summary>
    FirstNameDropped,

    /// <summary>A compound first name with a space or run together instead of its hyphen (or the reverse).</summary>
    HyphenChanged,

    /// <summary>Accents dropped by the desk's software (only counted when the name had some).</summary>
    AccentsLost,

    /// <summary>One letter replaced by a neighbour on an AZERTY keyboard, doubled or left out.</summary>
    KeyboardTypo,

    /// <summary>Spelt as heard: ph/f, y/i, ault/aut/ot, doubled consonants, ai/é …</summary>
    PhoneticSpelling,

    BirthDayMonthSwapped,

    /// <summary>One digit of the birth date wrong (still a valid date).</summary>
    BirthDateDigitOff,

    BirthYearOffByOne,

    /// <summary>Birth place typed as a name (or a country name) instead of an INSEE code.</summary>
    BirthPlaceAsName,

    /// <summary>Born in a commune merged since: the record names the current commune, the other the former one.</summary>
    BirthPlaceMergedCommune,

    BirthPlaceMissing,

    /// <summary>Sex or nationality left empty.</summary>
    SexOrNationalityMissing,

    /// <summary>Moved between applications: another postcode and commune.</summary>
    Moved,

    /// <summary>Another e-mail address than at the other application, or none.</summary>
    EmailChanged,

    /// <summary>Another phone number than at the other application, or none.</summary>
    PhoneChanged,
}
