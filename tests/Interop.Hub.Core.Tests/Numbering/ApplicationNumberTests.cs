using Interop.Hub.Core.Numbering;

namespace Interop.Hub.Core.Tests.Numbering;

public sealed class ApplicationNumberTests
{
    private static readonly DateOnly November2026 = new(2026, 11, 28);

    [Fact]
    public void Mint_Calvados_LaysOutPrefixMonthDeskCounterAndCheck()
    {
        var number = ApplicationNumber.Mint("14", November2026, "B0001", 42);

        Assert.Equal(ApplicationNumber.Length, number.Length);
        Assert.StartsWith("0142611B000100042", number, StringComparison.Ordinal);
        Assert.Equal("0142611B000100042N", number);
        Assert.True(CheckCharacter.IsValid(number));
    }

    [Theory]
    [InlineData("2A", "02A")]
    [InlineData("2B", "02B")]
    [InlineData("01", "001")]
    [InlineData("95", "095")]
    [InlineData("971", "971")]
    [InlineData("974", "974")]
    [InlineData("976", "976")]
    public void Mint_CorsicanOrOverseasOrMetropolitanDepartement_StartsWithItsThreeCharacterPrefix(string departement, string prefix)
    {
        var number = ApplicationNumber.Mint(departement, new DateOnly(2025, 1, 1), "ZZ9ZZ", 1);

        Assert.Equal(prefix + "2501ZZ9ZZ00001", number[..^1]);
        Assert.True(CheckCharacter.IsValid(number));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(ApplicationNumber.MaxCounter)]
    public void Mint_CounterAtBounds_IsAccepted(int counter)
    {
        var number = ApplicationNumber.Mint("61", November2026, "A1B2C", counter);

        Assert.Equal(counter.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), number[12..17]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(ApplicationNumber.MaxCounter + 1)]
    public void Mint_CounterOutsideOneTo99999_ThrowsArgumentOutOfRange(int counter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationNumber.Mint("14", November2026, "B0001", counter));
    }

    [Theory]
    [InlineData("20")]
    [InlineData("96")]
    [InlineData("975")]
    [InlineData("014")]
    [InlineData("2a")]
    [InlineData("")]
    [InlineData(" 14")]
    public void Mint_UnknownDepartement_ThrowsArgumentOutOfRange(string departement)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationNumber.Mint(departement, November2026, "B0001", 1));
    }

    [Theory]
    [InlineData("B001")]
    [InlineData("B00001")]
    [InlineData("b0001")]
    [InlineData("B-001")]
    [InlineData("B 001")]
    [InlineData("")]
    public void Mint_MalformedDeskCode_ThrowsArgumentOutOfRange(string deskCode)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationNumber.Mint("14", November2026, deskCode, 1));
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2100)]
    public void Mint_YearOutsideTwoDigitCentury_ThrowsArgumentOutOfRange(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationNumber.Mint("14", new DateOnly(year, 6, 1), "B0001", 1));
    }

    [Theory]
    [InlineData("14", 2026, 11, "B0001", 42)]
    [InlineData("2A", 2000, 1, "00000", 1)]
    [InlineData("2B", 2099, 12, "ZZZZZ", 99999)]
    [InlineData("974", 2031, 7, "R3UN1", 12345)]
    [InlineData("01", 2026, 2, "9A9A9", 100)]
    public void TryParseStructured_MintedNumber_RoundTripsItsParts(string departement, int year, int month, string deskCode, int counter)
    {
        var number = ApplicationNumber.Mint(departement, new DateOnly(year, month, 15), deskCode, counter);

        Assert.True(ApplicationNumber.TryParseStructured(number, out var parts));
        Assert.Equal(new StructuredNumber(departement, year, month, deskCode, counter), parts);
    }

    [Theory]
    [InlineData(2026, 11, "2611")]
    [InlineData(2000, 1, "0001")]
    [InlineData(2099, 12, "9912")]
    public void MonthKey_YearAndMonth_IsTheYymmTheNumberCarries(int year, int month, string expected)
    {
        var number = ApplicationNumber.Mint("974", new DateOnly(year, month, 15), "B0001", 7);

        Assert.Equal(expected, ApplicationNumber.MonthKey(new DateOnly(year, month, 15)));
        Assert.Equal(expected, number[3..7]);
    }

    [Fact]
    public void MonthKey_OfAParsedNumber_IsTheKeyItsMintingUsed()
    {
        var number = ApplicationNumber.Mint("2A", November2026, "ZZ9Z9", 99999);

        Assert.True(ApplicationNumber.TryParseStructured(number, out var parts));
        Assert.Equal(ApplicationNumber.MonthKey(November2026), parts.MonthKey);
    }

    [Theory]
    [InlineData(1999, 12)]
    [InlineData(2100, 1)]
    [InlineData(2026, 0)]
    [InlineData(2026, 13)]
    public void MonthKey_OutsideTheNumbersCenturyOrMonths_ThrowsArgumentOutOfRange(int year, int month) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ApplicationNumber.MonthKey(year, month));

    [Fact]
    public void TryParseStructured_WrongCheckCharacter_ReturnsFalse()
    {
        var number = ApplicationNumber.Mint("14", November2026, "B0001", 42);
        var wrong = number[..^1] + (number[^1] == 'A' ? 'B' : 'A');

        Assert.False(ApplicationNumber.TryParseStructured(wrong, out var parts));
        Assert.Null(parts);
    }

    [Theory]
    [InlineData("0142613B0001")]
    [InlineData("0142600B0001")]
    [InlineData("014XX11B0001")]
    [InlineData("020261100001")]
    [InlineData("097261100001")]
    [InlineData("975261100001")]
    public void TryParseStructured_BadMonthOrYearOrDepartementWithValidCheck_ReturnsFalse(string head)
    {
        var number = WithCheck(head + "00042");

        Assert.False(ApplicationNumber.TryParseStructured(number, out _));
    }

    [Theory]
    [InlineData("00000")]
    [InlineData("0004A")]
    public void TryParseStructured_CounterNotInOneTo99999WithValidCheck_ReturnsFalse(string counter)
    {
        var number = WithCheck("0142611B0001" + counter);

        Assert.False(ApplicationNumber.TryParseStructured(number, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0142611B00010004")]
    [InlineData("0142611B0001000420")]
    public void TryParseStructured_NotEighteenCharacters_ReturnsFalse(string body)
    {
        var number = body.Length == 0 ? body : WithCheck(body);

        Assert.False(ApplicationNumber.TryParseStructured(number, out _));
    }

    [Theory]
    [InlineData("014 611B000100042N")]
    [InlineData("0142611B00010004-N")]
    [InlineData("0142611B000100042-")]
    public void TryParseStructured_CharacterOutsideAlphabet_ReturnsFalse(string number)
    {
        Assert.False(ApplicationNumber.TryParseStructured(number, out _));
    }

    [Fact]
    public void TryParseStructured_LowercaseBeforeNormalize_ReturnsFalseAndTrueAfter()
    {
        var number = ApplicationNumber.Mint("2A", November2026, "AB12C", 7);
        var lower = number.ToLowerInvariant();

        Assert.False(ApplicationNumber.TryParseStructured(lower, out _));
        Assert.True(ApplicationNumber.TryParseStructured(ApplicationNumber.Normalize(lower), out _));
    }

    [Fact]
    public void Normalize_PaddedLowercase_TrimsAndUpperCases()
    {
        Assert.Equal("AB12CD", ApplicationNumber.Normalize("  ab12Cd \t\n"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("A")]
    [InlineData("0142611B000100042N")]
    [InlineData("ABCDEFGHIJ0123456789")]
    public void IsWellFormedImported_OneToTwentyAlphanumerics_ReturnsTrue(string normalized)
    {
        Assert.True(ApplicationNumber.IsWellFormedImported(normalized));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCDEFGHIJ0123456789K")]
    [InlineData("AB-12")]
    [InlineData("AB 12")]
    [InlineData("ab12")]
    [InlineData("AÉ12")]
    public void IsWellFormedImported_EmptyOrTooLongOrOtherCharacters_ReturnsFalse(string normalized)
    {
        Assert.False(ApplicationNumber.IsWellFormedImported(normalized));
    }

    [Theory]
    [InlineData(" ab12 ")]
    [InlineData("x")]
    [InlineData("\tabcdefghij0123456789 ")]
    public void IsWellFormedImported_LowercaseAfterNormalize_ReturnsTrue(string raw)
    {
        Assert.True(ApplicationNumber.IsWellFormedImported(ApplicationNumber.Normalize(raw)));
    }

    [Theory]
    [InlineData("B0001", true)]
    [InlineData("ZZZZZ", true)]
    [InlineData("00000", true)]
    [InlineData("B001", false)]
    [InlineData("B00001", false)]
    [InlineData("b0001", false)]
    [InlineData("B-001", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsDeskCode_Code_IsTrueOnlyForFiveAlphanumerics(string? code, bool expected)
    {
        Assert.Equal(expected, ApplicationNumber.IsDeskCode(code));
    }

    private static string WithCheck(string body) => body + CheckCharacter.Compute(body);
}
