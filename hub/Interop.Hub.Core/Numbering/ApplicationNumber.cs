using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Interop.Hub.Core.Numbering;

/// <summary>
/// The numéro unique of an application.
/// </summary>
/// <remarks>
/// Numbers minted by the hub have 18 characters of <c>0-9A-Z</c>: département (3: <c>014</c>, <c>02A</c>,
/// <c>974</c>), YYMM of first registration in French time, registering desk (5), counter (5 digits, per
/// département + month + desk) and a <see cref="CheckCharacter"/>. Numbers from elsewhere (national registry,
/// legacy ERP) are kept as opaque alphanumerics of 1 to <see cref="MaxImportedLength"/> characters; one that
/// happens to parse as ours (<see cref="TryParseStructured"/>) must push our counter past it so it is never
/// minted again.
/// </remarks>
public static class ApplicationNumber
{
    public const int Length = 18;

    public const int MaxCounter = 99999;

    public const int MaxImportedLength = 20;

    private const int DeskCodeLength = 5;

    private const int DepartementStart = 0;
    private const int YearStart = 3;
    private const int MonthStart = 5;
    private const int DeskStart = 7;
    private const int CounterStart = 12;
    private const int CounterLength = 5;

    /// <summary>Mints the 18-character number.</summary>
    /// <param name="departement">INSEE département code (<c>14</c>, <c>2A</c>, <c>974</c>).</param>
    /// <param name="registrationMonth">
    /// Date of first registration, already in French time (only year and month are used; years 2000–2099, as the
    /// number keeps two digits).
    /// </param>
    /// <param name="deskCode">The registering desk, five characters of <c>0-9A-Z</c>.</param>
    /// <param name="counter">1–<see cref="MaxCounter"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="departement"/> or <paramref name="deskCode"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// Unknown département, malformed desk code, year outside 2000–2099 or counter outside 1–<see cref="MaxCounter"/>.
    /// </exception>
    public static string Mint(string departement, DateOnly registrationMonth, string deskCode, int counter)
    {
        ArgumentNullException.ThrowIfNull(departement);
        ArgumentNullException.ThrowIfNull(deskCode);
        if (!Departements.IsValid(departement))
        {
            throw new ArgumentOutOfRangeException(nameof(departement), departement, "Unknown département.");
        }

        if (!IsDeskCode(deskCode))
        {
            throw new ArgumentOutOfRangeException(nameof(deskCode), deskCode, "A desk code is five characters of 0-9A-Z.");
        }

        if (registrationMonth.Year is < 2000 or > 2099)
        {
            throw new ArgumentOutOfRangeException(nameof(registrationMonth), registrationMonth, "The number keeps two year digits, read as 20YY.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(counter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(counter, MaxCounter);

        var body = string.Create(
            CultureInfo.InvariantCulture,
            $"{Departements.ToNumberPrefix(departement)}{MonthKey(registrationMonth)}{deskCode}{counter:D5}");
        return body + CheckCharacter.Compute(body);
    }

    /// <summary>
    /// The month of first registration as the number writes it (<c>YYMM</c>): with the département and the
    /// desk, the key of the counter whose value ends the number, so minted and imported numbers of one month
    /// share one counter.
    /// </summary>
    /// <param name="registrationMonth">Date of first registration in French time; only year and month are used.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 2000–2099.</exception>
    public static string MonthKey(DateOnly registrationMonth) => MonthKey(registrationMonth.Year, registrationMonth.Month);

    /// <inheritdoc cref="MonthKey(DateOnly)"/>
    /// <param name="year">2000–2099.</param>
    /// <param name="month">1–12.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 2000–2099 or the month outside 1–12.</exception>
    public static string MonthKey(int year, int month)
    {
        if (year is < 2000 or > 2099)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The number keeps two year digits, read as 20YY.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return string.Create(CultureInfo.InvariantCulture, $"{year % 100:D2}{month:D2}");
    }

    /// <summary>The stored form of a number received from elsewhere: trimmed and upper-cased (invariant).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="raw"/> is null.</exception>
    public static string Normalize(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return raw.Trim().ToUpperInvariant();
    }

    /// <summary>Whether a normalised number is 1 to <see cref="MaxImportedLength"/> characters of <c>0-9A-Z</c>.</summary>
    public static bool IsWellFormedImported(string normalized) =>
        normalized is { Length: >= 1 and <= MaxImportedLength } && AllSymbols(normalized);

    /// <summary>
    /// Whether a normalised number has the hub's structure (known département, month 01–12, desk, counter
    /// 00001–99999) and a valid check character; only then must it advance the counter. Any other number is opaque.
    /// </summary>
    public static bool TryParseStructured(string normalized, [NotNullWhen(true)] out StructuredNumber? parts)
    {
        parts = null;
        if (normalized is not { Length: Length } || !AllSymbols(normalized) || !CheckCharacter.IsValid(normalized))
        {
            return false;
        }

        var number = normalized.AsSpan();
        var departement = DepartementOfPrefix(number.Slice(DepartementStart, 3));
        if (departement is null
            || !TryReadDigits(number.Slice(YearStart, 2), out var yy)
            || !TryReadDigits(number.Slice(MonthStart, 2), out var month)
            || month is < 1 or > 12
            || !TryReadDigits(number.Slice(CounterStart, CounterLength), out var counter)
            || counter is < 1 or > MaxCounter)
        {
            return false;
        }

        parts = new StructuredNumber(departement, 2000 + yy, month, normalized.Substring(DeskStart, DeskCodeLength), counter);
        return true;
    }

    /// <summary>Whether <paramref name="code"/> is exactly five characters of <c>0-9A-Z</c>.</summary>
    public static bool IsDeskCode(string? code) => code is { Length: DeskCodeLength } && AllSymbols(code);

    /// <summary>
    /// <c>0</c> followed by a two-character code (<c>014</c> → <c>14</c>, <c>02A</c> → <c>2A</c>), or a
    /// three-character overseas code (<c>974</c>); null when no such département exists.
    /// </summary>
    private static string? DepartementOfPrefix(ReadOnlySpan<char> prefix)
    {
        var code = prefix[0] == '0' ? prefix[1..].ToString() : prefix.ToString();
        return Departements.IsValid(code) ? code : null;
    }

    private static bool AllSymbols(string value)
    {
        foreach (var symbol in value)
        {
            if (!CheckCharacter.IsSymbol(symbol))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryReadDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit(digit))
            {
                return false;
            }

            value = (value * 10) + (digit - '0');
        }

        return true;
    }
}
