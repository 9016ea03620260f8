using System.Globalization;
using System.Text;

namespace Interop.Hub.Core.Validation;

/// <summary>
/// The checks shared by every field of a household: lengths, control
/// characters, names, enums, dates. Each reports at most one violation per
/// field, the most basic one, so a client is not told a required field is both
/// missing and malformed.
/// </summary>
/// <remarks>
/// Lengths are counted in Unicode code points, as the database counts
/// characters, so an accented name made of surrogate pairs or combining marks
/// is measured the way it is stored.
/// </remarks>
internal static class FieldRules
{
    /// <summary>The earliest birth date accepted: older dates are typing mistakes.</summary>
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    /// <summary>Free text: at most <paramref name="max"/> characters, none a control character. Empty is fine.</summary>
    public static void Text(string value, string path, int max, Violations v)
    {
        if (Length(value) > max)
        {
            v.Add(path, $"must be at most {max} characters.");
        }
        else if (HasControlCharacter(value))
        {
            v.Add(path, "must not contain control characters.");
        }
    }

    /// <summary>
    /// A person's name: letters of any script (with their combining accents),
    /// spaces, hyphens, apostrophes (<c>'</c> and <c>’</c>) and dots, and at
    /// least one letter: enough for <c>N'Diaye</c>, <c>Saint-Exupéry</c> or
    /// <c>J. R.</c>, not for digits or symbols that only come from typing mistakes.
    /// </summary>
    public static void Name(string value, string path, int max, bool required, Violations v)
    {
        if (value.Length == 0)
        {
            if (required)
            {
                v.Add(path, "is required.");
            }
        }
        else if (Length(value) > max)
        {
            v.Add(path, $"must be at most {max} characters.");
        }
        else if (HasControlCharacter(value))
        {
            v.Add(path, "must not contain control characters.");
        }
        else if (!IsNameText(value))
        {
            v.Add(path, "may contain only letters, spaces, hyphens, apostrophes and dots, with at least one letter.");
        }
    }

    /// <summary>A code the contract requires: not its unspecified 0, and a value this version knows.</summary>
    public static void RequiredEnum<T>(T value, string path, Violations v)
        where T : struct, Enum
    {
        if (EqualityComparer<T>.Default.Equals(value, default))
        {
            v.Add(path, "is required.");
        }
        else
        {
            OptionalEnum(value, path, v);
        }
    }

    /// <summary>A code that may be left unspecified, but not set to a value this version does not know.</summary>
    public static void OptionalEnum<T>(T value, string path, Violations v)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            v.Add(path, "is not a known value.");
        }
    }

    /// <summary>A required birth date between 1900-01-01 and today.</summary>
    public static void BirthDate(DateOnly? value, string path, DateOnly today, Violations v)
    {
        if (value is not { } date)
        {
            v.Add(path, "is required.");
        }
        else if (date < EarliestBirthDate || date > today)
        {
            v.Add(path, $"must be between {Iso(EarliestBirthDate)} and today ({Iso(today)}).");
        }
    }

    /// <summary>Whether any character is a control character (C0, DEL, C1).</summary>
    public static bool HasControlCharacter(string value) => value.Any(char.IsControl);

    /// <summary>Length in Unicode code points.</summary>
    public static int Length(string value) => value.EnumerateRunes().Count();

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool IsNameText(string value)
    {
        var hasLetter = false;
        var afterLetter = false;
        foreach (var rune in value.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                hasLetter = true;
                afterLetter = true;
                continue;
            }

            if (afterLetter && IsCombiningMark(rune))
            {
                continue;
            }

            if (rune.Value is not (' ' or '-' or '\'' or '\u2019' or '.'))
            {
                return false;
            }

            afterLetter = false;
        }

        return hasLetter;
    }

    private static bool IsCombiningMark(Rune rune) => Rune.GetUnicodeCategory(rune)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
