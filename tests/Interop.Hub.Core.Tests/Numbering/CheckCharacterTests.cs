using Interop.Hub.Core.Numbering;

namespace Interop.Hub.Core.Tests.Numbering;

public sealed class CheckCharacterTests
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const int Radix = 36;
    private const int BodyLength = 17;
    private const int RandomBodies = 400;

    [Fact]
    public void Operate_EveryRowAndColumn_IsAPermutationOfAllValues()
    {
        for (var fixedOperand = 0; fixedOperand < Radix; fixedOperand++)
        {
            var row = new HashSet<int>();
            var column = new HashSet<int>();
            for (var other = 0; other < Radix; other++)
            {
                row.Add(CheckCharacter.Operate(fixedOperand, other));
                column.Add(CheckCharacter.Operate(other, fixedOperand));
            }

            Assert.Equal(Enumerable.Range(0, Radix), row.Order());
            Assert.Equal(Enumerable.Range(0, Radix), column.Order());
        }
    }

    [Fact]
    public void Operate_AnyInterimAndAnyTwoSymbols_IsWeaklyTotallyAntiSymmetric()
    {
        var violations = new List<(int C, int X, int Y)>();
        for (var c = 0; c < Radix; c++)
        {
            for (var x = 0; x < Radix; x++)
            {
                for (var y = 0; y < Radix; y++)
                {
                    var xThenY = CheckCharacter.Operate(CheckCharacter.Operate(c, x), y);
                    var yThenX = CheckCharacter.Operate(CheckCharacter.Operate(c, y), x);
                    if (xThenY == yThenX && x != y)
                    {
                        violations.Add((c, x, y));
                    }
                }
            }
        }

        Assert.Empty(violations);
    }

    [Fact]
    public void Operate_ValueOutsideAlphabet_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CheckCharacter.Operate(0, Radix));
        Assert.Throws<ArgumentOutOfRangeException>(() => CheckCharacter.Operate(-1, 0));
    }

    [Fact]
    public void Compute_ThenIsValid_RoundTrips()
    {
        foreach (var body in Bodies())
        {
            var number = body + CheckCharacter.Compute(body);

            Assert.Equal(BodyLength, body.Length);
            Assert.True(CheckCharacter.IsValid(number), number);
        }
    }

    [Theory]
    [InlineData("0142611B000100042", 'N')]
    [InlineData("02A2601ABCDE00001", 'J')]
    [InlineData("9742512ZZZZZ99999", '5')]
    [InlineData("00000000000000000", '0')]
    public void Compute_KnownBody_GivesCheckCharacterOfAnIndependentImplementation(string body, char expected)
    {
        Assert.Equal(expected, CheckCharacter.Compute(body));
    }

    [Fact]
    public void Compute_EmptyBody_GivesZero()
    {
        Assert.Equal('0', CheckCharacter.Compute(ReadOnlySpan<char>.Empty));
    }

    [Theory]
    [InlineData("014261ab000100042")]
    [InlineData("0142611B-00100042")]
    [InlineData("0142611B 00100042")]
    [InlineData("0142611É000100042")]
    public void Compute_CharacterOutsideAlphabet_ThrowsArgumentException(string body)
    {
        Assert.Throws<ArgumentException>(() => CheckCharacter.Compute(body));
    }

    [Fact]
    public void IsValid_AnySingleSubstitutionAtAnyPosition_IsDetected()
    {
        var undetected = new List<string>();
        Span<char> buffer = stackalloc char[BodyLength + 1];
        foreach (var body in Bodies())
        {
            var number = body + CheckCharacter.Compute(body);
            var altered = buffer[..number.Length];
            for (var position = 0; position < number.Length; position++)
            {
                foreach (var replacement in Alphabet)
                {
                    if (replacement == number[position])
                    {
                        continue;
                    }

                    number.CopyTo(altered);
                    altered[position] = replacement;
                    if (CheckCharacter.IsValid(altered))
                    {
                        undetected.Add(altered.ToString());
                    }
                }
            }
        }

        Assert.Empty(undetected);
    }

    [Fact]
    public void IsValid_AnySwapOfAdjacentDifferentCharacters_IsDetected()
    {
        var undetected = new List<string>();
        var swapsTried = 0;
        Span<char> buffer = stackalloc char[BodyLength + 1];
        foreach (var body in Bodies())
        {
            var number = body + CheckCharacter.Compute(body);
            var altered = buffer[..number.Length];
            for (var position = 0; position + 1 < number.Length; position++)
            {
                if (number[position] == number[position + 1])
                {
                    continue;
                }

                number.CopyTo(altered);
                (altered[position], altered[position + 1]) = (altered[position + 1], altered[position]);
                swapsTried++;
                if (CheckCharacter.IsValid(altered))
                {
                    undetected.Add(altered.ToString());
                }
            }
        }

        Assert.Empty(undetected);
        Assert.True(swapsTried > RandomBodies * BodyLength / 2, $"only {swapsTried} swaps tried");
    }

    [Theory]
    [InlineData("")]
    [InlineData("0142611b000100042N")]
    [InlineData("0142611B00010004-N")]
    public void IsValid_EmptyOrCharacterOutsideAlphabet_ReturnsFalse(string number)
    {
        Assert.False(CheckCharacter.IsValid(number));
    }

    [Fact]
    public void ValueOf_EverySymbol_RoundTripsThroughSymbolOf()
    {
        for (var value = 0; value < Radix; value++)
        {
            Assert.Equal(value, CheckCharacter.ValueOf(CheckCharacter.SymbolOf(value)));
        }

        Assert.Equal(10, CheckCharacter.ValueOf('A'));
        Assert.Equal('Z', CheckCharacter.SymbolOf(35));
    }

    [Theory]
    [InlineData('a')]
    [InlineData('-')]
    [InlineData(' ')]
    public void ValueOf_CharacterOutsideAlphabet_ThrowsArgumentException(char symbol)
    {
        Assert.Throws<ArgumentException>(() => CheckCharacter.ValueOf(symbol));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(36)]
    public void SymbolOf_ValueOutsideZeroTo35_ThrowsArgumentOutOfRangeException(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CheckCharacter.SymbolOf(value));
    }

    /// <summary>A few fixed bodies (edges of the alphabet, minted-like layouts) and seeded random ones.</summary>
    private static IEnumerable<string> Bodies()
    {
        yield return new string('0', BodyLength);
        yield return new string('Z', BodyLength);
        yield return "0142611B000100042";
        yield return "02A2601ABCDE00001";
        yield return "9742512ZZZZZ99999";
        yield return "0Z0Z0Z0Z0Z0Z0Z0Z0";
        yield return "0123456789ABCDEFG";
        yield return "HIJKLMNOPQRSTUVWX";

        var random = new Random(20261128);
        var body = new char[BodyLength];
        for (var i = 0; i < RandomBodies; i++)
        {
            for (var position = 0; position < BodyLength; position++)
            {
                body[position] = Alphabet[random.Next(Radix)];
            }

            yield return new string(body);
        }
    }
}
