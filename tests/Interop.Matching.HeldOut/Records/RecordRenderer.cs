using System.Globalization;
using Interop.Matching.HeldOut.Population;

namespace Interop.Matching.HeldOut.Records;

/// <summary>Types one application of a person as a registration desk would, with the desk's errors (<see cref="ErrorRates"/>).</summary>
internal sealed class RecordRenderer(Random random)
{
    public ApplicantRecord Render(Person person, Contacts contacts, bool married)
    {
        var record = new ApplicantRecord { PersonId = person.Id, TrueContacts = contacts, Married = married };
        RenderNames(person, married, record);
        record.Sex = Chance(ErrorRates.SexMissing) ? "" : person.Sex.ToString();
        record.BirthDate = RenderBirthDate(person.BirthDate, record);
        record.BirthPlace = RenderBirthPlace(person.BirthPlace, record);
        record.Nationality = Chance(ErrorRates.NationalityMissing) ? "" : person.Nationality;
        if (record.Sex.Length == 0 || record.Nationality.Length == 0)
        {
            record.Errors.Add(ErrorKind.SexOrNationalityMissing);
        }

        record.Email = Chance(ErrorRates.EmailMissing) ? "" : contacts.Email;
        record.Phone = Chance(ErrorRates.PhoneMissing) ? "" : FormatPhone(contacts.Phone);
        record.Postcode = Chance(ErrorRates.PostcodeMissing) ? "" : contacts.Home.Postcode;
        record.Commune = Chance(ErrorRates.CommuneMissing) ? "" : Chance(0.6) ? contacts.Home.Name.ToUpperInvariant() : contacts.Home.Name;
        return record;
    }

    private void RenderNames(Person person, bool married, ApplicantRecord record)
    {
        var birth = person.BirthSurname;
        var use = married ? person.SpouseSurname : null;
        if (use is not null)
        {
            use = SurnameSlips(use, record);
        }
        else
        {
            birth = SurnameSlips(birth, record);
        }

        var given = RenderFirstNames(person.FirstNames, record);

        if (Chance(ErrorRates.SurnameAndFirstNameSwapped))
        {
            record.Errors.Add(ErrorKind.SurnameAndFirstNameSwapped);
            record.LastName = given[0];
            record.FirstNames = use ?? birth;
            record.BirthName = Chance(ErrorRates.SwapKeepsBirthName) ? birth : "";
        }
        else
        {
            record.FirstNames = string.Join(' ', given);
            (record.LastName, record.BirthName) = use is null ? UnmarriedSurnames(birth) : MarriedSurnames(birth, use, person.Widowed, record);
        }

        var upperSurnames = Chance(0.8);
        var upperGiven = Chance(0.3);
        var accentsLost = Chance(ErrorRates.AccentsLost);
        if (accentsLost && Spelling.HasAccents(record.LastName + record.BirthName + record.FirstNames))
        {
            record.Errors.Add(ErrorKind.AccentsLost);
        }

        string Finish(string text, bool upper)
        {
            text = accentsLost ? Spelling.RemoveAccents(text) : text;
            return upper ? text.ToUpperInvariant() : text;
        }

        record.LastName = Finish(record.LastName, upperSurnames);
        record.BirthName = Finish(record.BirthName, upperSurnames);
        record.FirstNames = Finish(record.FirstNames, upperGiven);
    }

    private (string Last, string Birth) UnmarriedSurnames(string birth) =>
        (birth, Chance(ErrorRates.BirthNameRepeated) ? birth : "");

    private (string Last, string Birth) MarriedSurnames(string birth, string use, bool widowed, ApplicantRecord record)
    {
        var draw = random.NextDouble();
        var link = widowed ? "veuve" : "épouse";
        if ((draw -= ErrorRates.FormEpouse) < 0)
        {
            record.Errors.Add(ErrorKind.MarriedNameForm);
            return ($"{birth} {link} {use}", "");
        }

        if ((draw -= ErrorRates.FormNee) < 0)
        {
            record.Errors.Add(ErrorKind.MarriedNameForm);
            return ($"{use} née {birth}", "");
        }

        if ((draw -= ErrorRates.FormEp) < 0)
        {
            record.Errors.Add(ErrorKind.MarriedNameForm);
            return ($"{birth} ép. {use}", "");
        }

        if ((draw -= ErrorRates.FormUseNameOnly) < 0)
        {
            record.Errors.Add(ErrorKind.MarriedNameOnlyOne);
            return (use, "");
        }

        if ((draw -= ErrorRates.FormBirthNameOnly) < 0)
        {
            record.Errors.Add(ErrorKind.MarriedNameOnlyOne);
            return (birth, "");
        }

        if ((draw -= ErrorRates.FormFieldsSwapped) < 0)
        {
            record.Errors.Add(ErrorKind.UseAndBirthNameSwapped);
            return (birth, use);
        }

        return (use, birth);
    }

    private List<string> RenderFirstNames(IReadOnlyList<string> names, ApplicantRecord record)
    {
        var given = names.ToList();
        if (given.Count >= 2 && Chance(ErrorRates.FirstNamesReordered))
        {
            (given[0], given[1]) = (given[1], given[0]);
            record.Errors.Add(ErrorKind.FirstNamesReordered);
        }

        if (given.Count >= 2 && Chance(ErrorRates.FirstNameDropped))
        {
            given.RemoveRange(1, given.Count - 1);
            record.Errors.Add(ErrorKind.FirstNameDropped);
        }
        else if (given.Count >= 2 && Chance(ErrorRates.UsualFirstNameOnly))
        {
            given = [given[1]];
            record.Errors.Add(ErrorKind.FirstNameDropped);
        }

        for (var i = 0; i < given.Count; i++)
        {
            if (given[i].Contains('-', StringComparison.Ordinal) && Chance(ErrorRates.HyphenChanged))
            {
                given[i] = given[i].Replace("-", Chance(0.7) ? " " : "", StringComparison.Ordinal);
                record.Errors.Add(ErrorKind.HyphenChanged);
            }
        }

        if (given.Count >= 2 && !given[0].Contains('-', StringComparison.Ordinal) && Chance(ErrorRates.HyphenChanged / 8))
        {
            given[0] = given[0] + "-" + given[1];
            given.RemoveAt(1);
            record.Errors.Add(ErrorKind.HyphenChanged);
        }

        if (Chance(ErrorRates.FirstNameKeyboardTypo))
        {
            given[0] = Changed(given[0], Spelling.KeyboardTypo(random, given[0]), ErrorKind.KeyboardTypo, record);
        }
        else if (Chance(ErrorRates.FirstNamePhonetic))
        {
            given[0] = Changed(given[0], Spelling.Phonetic(random, given[0]), ErrorKind.PhoneticSpelling, record);
        }

        return given;
    }

    private string SurnameSlips(string surname, ApplicantRecord record)
    {
        if (Chance(ErrorRates.SurnameKeyboardTypo))
        {
            return Changed(surname, Spelling.KeyboardTypo(random, surname), ErrorKind.KeyboardTypo, record);
        }

        return Chance(ErrorRates.SurnamePhonetic)
            ? Changed(surname, Spelling.Phonetic(random, surname), ErrorKind.PhoneticSpelling, record)
            : surname;
    }

    private static string Changed(string before, string after, ErrorKind kind, ApplicantRecord record)
    {
        if (!string.Equals(before, after, StringComparison.OrdinalIgnoreCase))
        {
            record.Errors.Add(kind);
        }

        return after;
    }

    private string RenderBirthDate(DateOnly date, ApplicantRecord record)
    {
        if (Chance(ErrorRates.DayMonthSwapped) && date.Day <= 12 && date.Day != date.Month)
        {
            date = new DateOnly(date.Year, date.Day, date.Month);
            record.Errors.Add(ErrorKind.BirthDayMonthSwapped);
        }
        else if (Chance(ErrorRates.DateDigitOff))
        {
            date = DigitOff(date);
            record.Errors.Add(ErrorKind.BirthDateDigitOff);
        }
        else if (Chance(ErrorRates.YearOffByOne))
        {
            date = SafeDate(date.Year + (Chance(0.5) ? 1 : -1), date.Month, date.Day) ?? date;
            record.Errors.Add(ErrorKind.BirthYearOffByOne);
        }

        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private DateOnly DigitOff(DateOnly date)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var text = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture).ToCharArray();

            // Day digits most often, then month, then the year's last digit (the century is never mistyped).
            var position = random.NextDouble() switch { < 0.5 => 6 + random.Next(2), < 0.7 => 4 + random.Next(2), _ => 3 };
            text[position] = (char)('0' + random.Next(10));
            var typed = new string(text);
            var changed = SafeDate(int.Parse(typed[..4], CultureInfo.InvariantCulture), int.Parse(typed[4..6], CultureInfo.InvariantCulture), int.Parse(typed[6..], CultureInfo.InvariantCulture));
            if (changed is { } valid && valid != date)
            {
                return valid;
            }
        }

        return date.AddDays(1);
    }

    private static DateOnly? SafeDate(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private string RenderBirthPlace(BirthPlace place, ApplicantRecord record)
    {
        if (Chance(ErrorRates.PlaceMissing))
        {
            record.Errors.Add(ErrorKind.BirthPlaceMissing);
            return "";
        }

        if (place.Abroad)
        {
            return Chance(ErrorRates.AbroadAsCode) ? place.Code : AsName(place.Name, record);
        }

        var code = place.Code;
        var name = place.Name;
        if (place.BornInFormerCommune)
        {
            // Papers printed before the merger carry the former commune; some desks write today's.
            var former = Chance(0.6);
            record.PlaceForm = former ? "former" : "current";
            if (former)
            {
                code = place.FormerCode ?? code;
                name = place.FormerName ?? name;
            }
        }

        return Chance(ErrorRates.PlaceAsName) ? AsName(name, record) : code;
    }

    private string AsName(string name, ApplicantRecord record)
    {
        record.Errors.Add(ErrorKind.BirthPlaceAsName);
        var typed = Chance(0.5) ? Spelling.RemoveAccents(name) : name;
        typed = Chance(0.2) ? typed.Replace('-', ' ') : typed;
        return Chance(0.6) ? typed.ToUpperInvariant() : typed;
    }

    private string FormatPhone(string digits) => random.NextDouble() switch
    {
        < 0.4 => string.Join(' ', Enumerable.Range(0, 5).Select(i => digits.Substring(i * 2, 2))),
        < 0.8 => digits,
        < 0.9 => "+33 " + digits[1] + " " + string.Join(' ', Enumerable.Range(1, 4).Select(i => digits.Substring(i * 2, 2))),
        _ => string.Join('.', Enumerable.Range(0, 5).Select(i => digits.Substring(i * 2, 2))),
    };

    private bool Chance(double probability) => random.NextDouble() < probability;
}
