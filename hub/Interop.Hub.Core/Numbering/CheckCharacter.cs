namespace Interop.Hub.Core.Numbering;

/// <summary>
/// The check character of an application number: a Damm-style scheme over the 36 symbols <c>0-9A-Z</c>.
/// </summary>
/// <remarks>
/// A symbol value v (0–35) is the pair (u = v div 9, w = v mod 9) of the group GF(4) × GF(9), and
/// x ∘ y = (α·u_x + u_y, β·w_x + w_y) with α = x in GF(4) and β = i in GF(9). Folding a string from 0 is then
/// an affine map in which each position is weighted by a distinct nonzero power of (α, β), so any
/// single-character substitution changes the result; and because α ≠ 1 and β ≠ 1, (c∘x)∘y = (c∘y)∘x only
/// when x = y, so any swap of two adjacent different characters changes it too. A weighted sum modulo 36 cannot
/// do both: weights must be units (odd, not multiples of 3) to catch substitutions, and then the difference of
/// two adjacent weights is even, so some swaps go unnoticed; hence the product of fields.
/// </remarks>
public static class CheckCharacter
{
    /// <summary>Number of symbols, and size of each side of the operation table.</summary>
    internal const int Radix = 36;

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>x ∘ y at index <c>x * Radix + y</c>, computed once so folding is a table look-up per character.</summary>
    private static readonly byte[] Table = BuildTable();

    /// <summary>For each interim value t, the unique c with t ∘ c = 0 (each row of a quasigroup is a permutation).</summary>
    private static readonly byte[] Completion = BuildCompletion();

    /// <summary>
    /// The check character that makes <paramref name="body"/> followed by it fold to 0. The body is normally the
    /// 17 characters of a minted number, but any length works (the empty body gets <c>0</c>).
    /// </summary>
    /// <exception cref="ArgumentException">A character of <paramref name="body"/> is outside <c>0-9A-Z</c>.</exception>
    public static char Compute(ReadOnlySpan<char> body)
    {
        var interim = 0;
        foreach (var symbol in body)
        {
            var value = TryValueOf(symbol);
            if (value < 0)
            {
                throw new ArgumentException($"'{symbol}' is not one of 0-9A-Z.", nameof(body));
            }

            interim = Table[(interim * Radix) + value];
        }

        return Alphabet[Completion[interim]];
    }

    /// <summary>
    /// Whether <paramref name="numberWithCheck"/> (its last character being the check character) folds to 0.
    /// False when empty or when a character is outside <c>0-9A-Z</c> (lower case included: normalise first).
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> numberWithCheck)
    {
        if (numberWithCheck.IsEmpty)
        {
            return false;
        }

        var interim = 0;
        foreach (var symbol in numberWithCheck)
        {
            var value = TryValueOf(symbol);
            if (value < 0)
            {
                return false;
            }

            interim = Table[(interim * Radix) + value];
        }

        return interim == 0;
    }

    /// <summary>The value 0–35 of a symbol of <c>0-9A-Z</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="symbol"/> is outside <c>0-9A-Z</c>.</exception>
    public static int ValueOf(char symbol)
    {
        var value = TryValueOf(symbol);
        return value >= 0 ? value : throw new ArgumentException($"'{symbol}' is not one of 0-9A-Z.", nameof(symbol));
    }

    /// <summary>The symbol of a value 0–35.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside 0–35.</exception>
    public static char SymbolOf(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, Radix);
        return Alphabet[value];
    }

    /// <summary>Whether <paramref name="symbol"/> is one of <c>0-9A-Z</c>.</summary>
    internal static bool IsSymbol(char symbol) => char.IsAsciiDigit(symbol) || char.IsAsciiLetterUpper(symbol);

    /// <summary>x ∘ y, from the precomputed table; exposed so tests can check the algebra exhaustively.</summary>
    internal static int Operate(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Radix);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Radix);
        return Table[(x * Radix) + y];
    }

    private static int TryValueOf(char symbol) => symbol switch
    {
        >= '0' and <= '9' => symbol - '0',
        >= 'A' and <= 'Z' => symbol - 'A' + 10,
        _ => -1,
    };

    private static byte[] BuildTable()
    {
        var table = new byte[Radix * Radix];
        for (var x = 0; x < Radix; x++)
        {
            for (var y = 0; y < Radix; y++)
            {
                table[(x * Radix) + y] = (byte)Compose(x, y);
            }
        }

        return table;
    }

    private static byte[] BuildCompletion()
    {
        var completion = new byte[Radix];
        for (var t = 0; t < Radix; t++)
        {
            var c = 0;
            while (Table[(t * Radix) + c] != 0)
            {
                c++;
            }

            completion[t] = (byte)c;
        }

        return completion;
    }

    /// <summary>(α·u_x + u_y, β·w_x + w_y), with v = 9·u + w.</summary>
    private static int Compose(int x, int y)
    {
        var (ux, wx) = Math.DivRem(x, 9);
        var (uy, wy) = Math.DivRem(y, 9);
        var u = TimesAlphaInGf4(ux) ^ uy;
        var w = AddInGf9(TimesBetaInGf9(wx), wy);
        return (9 * u) + w;
    }

    /// <summary>
    /// x·(h·x + l) = h·x² + l·x = (h ⊕ l)·x + h in GF(4), since x² = x + 1 modulo x² + x + 1
    /// (element bits: h·2 + l).
    /// </summary>
    private static int TimesAlphaInGf4(int u)
    {
        var h = u >> 1;
        var l = u & 1;
        return ((h ^ l) << 1) | h;
    }

    /// <summary>i·(a + b·i) = −b + a·i in GF(9), since i² = −1 (element a + 3·b).</summary>
    private static int TimesBetaInGf9(int w)
    {
        var a = w % 3;
        var b = w / 3;
        return ((3 - b) % 3) + (3 * a);
    }

    /// <summary>Componentwise addition mod 3 of a + 3·b elements.</summary>
    private static int AddInGf9(int p, int q) => (((p % 3) + (q % 3)) % 3) + (3 * (((p / 3) + (q / 3)) % 3));
}
