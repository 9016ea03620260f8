using System.Text;

namespace Interop.Hub.Access;

/// <summary>
/// Opaque page tokens: base64url text naming the listing (and its filters)
/// and the last key seen. A token is only read back as the listing that wrote
/// it; anything else — another listing's token, a truncated or forged one —
/// is refused as INVALID_ARGUMENT on <c>page_token</c> by the caller.
/// </summary>
internal static class PageTokens
{
    /// <summary>The longest token the hub writes is well under this; a longer one is not ours.</summary>
    public const int MaxLength = 512;

    public static string Write(string lastKey, string listing) => Encode($"{listing}|{lastKey}");

    /// <summary>
    /// The last key of the previous page, or null when the token is not one of
    /// <paramref name="listing"/>. The key is what this hub wrote: printable,
    /// no separator; the caller still checks its shape before using it.
    /// </summary>
    public static string? Read(string token, string listing)
    {
        var text = Decode(token);
        if (text is null || !text.StartsWith(listing + "|", StringComparison.Ordinal) || text.Length == listing.Length + 1)
        {
            return null;
        }

        var key = text[(listing.Length + 1)..];
        return key.Contains('|', StringComparison.Ordinal) ? null : key;
    }

    public static string Encode(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The text of a token, or null when it is too long, not base64url, or not printable UTF-8.</summary>
    public static string? Decode(string token)
    {
        if (token.Length is 0 or > MaxLength)
        {
            return null;
        }

        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var written))
        {
            return null;
        }

        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
            return text.Any(char.IsControl) ? null : text;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
