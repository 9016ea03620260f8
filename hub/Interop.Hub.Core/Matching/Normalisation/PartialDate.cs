namespace Interop.Hub.Core.Matching.Normalisation;

/// <summary>
/// A birth date as eight digits YYYYMMDD, kept even when it is not a real calendar date: a typed
/// "1975-02-30" is still one digit away from the right one.
/// </summary>
public readonly record struct PartialDate(string Digits)
{
    public static readonly PartialDate Unknown = new("");

    public bool IsKnown => Digits.Length == 8;

    public int Year => IsKnown ? int.Parse(Digits.AsSpan(0, 4), provider: null) : 0;

    public int Month => IsKnown ? ((Digits[4] - '0') * 10) + (Digits[5] - '0') : 0;

    public int Day => IsKnown ? ((Digits[6] - '0') * 10) + (Digits[7] - '0') : 0;

    /// <summary>Reads YYYY-MM-DD, YYYYMMDD or DD/MM/YYYY; anything else is unknown.</summary>
    public static PartialDate Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Unknown;
        }

        var trimmed = text.Trim();
        if (trimmed.Contains('/', StringComparison.Ordinal))
        {
            // Only DD/MM/YYYY is reordered; ISO dates, the common case, are read without splitting.
            var slash = trimmed.Split('/');
            if (slash.Length == 3 && slash[2].Length == 4)
            {
                trimmed = $"{slash[2]}{slash[1].PadLeft(2, '0')}{slash[0].PadLeft(2, '0')}";
            }
        }

        Span<char> digits = stackalloc char[8];
        var count = 0;
        foreach (var c in trimmed)
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == 8)
                {
                    return Unknown;
                }

                digits[count++] = c;
            }
        }

        return count == 8 && !digits.SequenceEqual("00000000") ? new PartialDate(new string(digits)) : Unknown;
    }

    public override string ToString() => IsKnown ? $"{Digits[..4]}-{Digits[4..6]}-{Digits[6..]}" : "";
}
