namespace Interop.Matching.HeldOut.Records;

/// <summary>
/// The error model's rates, per record unless said otherwise. Written from domain.md §3.5 and from what a
/// registration desk gets wrong (tired typing on an AZERTY keyboard, names heard over the counter, papers read
/// in the wrong order, software that drops accents), not from any other generator; README.md lists them.
/// Never tune these to the matcher: the set is held out.
/// </summary>
internal static class ErrorRates
{
    // Names.
    public const double SurnameAndFirstNameSwapped = 0.03;
    public const double FirstNamesReordered = 0.06;
    public const double FirstNameDropped = 0.12;
    public const double UsualFirstNameOnly = 0.03;
    public const double HyphenChanged = 0.25;
    public const double AccentsLost = 0.35;
    public const double SurnameKeyboardTypo = 0.04;
    public const double FirstNameKeyboardTypo = 0.03;
    public const double SurnamePhonetic = 0.03;
    public const double FirstNamePhonetic = 0.02;

    // A married woman's names, one form per record (the rest: structured, use name and birth name in their fields).
    public const double FormEpouse = 0.15;
    public const double FormNee = 0.10;
    public const double FormEp = 0.05;
    public const double FormUseNameOnly = 0.15;
    public const double FormBirthNameOnly = 0.07;
    public const double FormFieldsSwapped = 0.08;

    /// <summary>Someone whose use name is their birth name: the desk repeats it in the birth-name field.</summary>
    public const double BirthNameRepeated = 0.4;

    /// <summary>When the names are swapped, the birth-name field is filled in (the hardest case).</summary>
    public const double SwapKeepsBirthName = 0.7;

    // Birth date.
    public const double DayMonthSwapped = 0.02;
    public const double DateDigitOff = 0.025;
    public const double YearOffByOne = 0.015;

    // Birth place.
    public const double PlaceAsName = 0.25;
    public const double PlaceMissing = 0.12;
    public const double AbroadAsCode = 0.5;

    // Other fields.
    public const double SexMissing = 0.03;
    public const double NationalityMissing = 0.10;
    public const double EmailMissing = 0.15;
    public const double PhoneMissing = 0.10;
    public const double PostcodeMissing = 0.03;
    public const double CommuneMissing = 0.05;

    // Between two applications of one person (each later application).
    public const double Moved = 0.35;
    public const double EmailChanged = 0.25;
    public const double PhoneChanged = 0.20;

    /// <summary>Of married women with two or more applications, those who married in between.</summary>
    public const double MarriedBetween = 0.12;
}
