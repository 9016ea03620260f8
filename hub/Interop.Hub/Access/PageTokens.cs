using System.Text;

namespace Interop.Hub.Access;

/// <summary>Opaque page tokens of simple listings: the last key seen, tagged with the listing it belongs to.</summary>
internal static class PageTokens
{
    public static string Write(string lastKey, string listing) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{listing}|{lastKey}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The last key of the previous page, or null when the token is not one of <paramref name="listing"/>.</summary>
    public static string? Read(string token, string listing)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            return text.StartsWith(listing + "|", StringComparison.Ordinal) && text.Length > listing.Length + 1 ? text[(listing.Length + 1)..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
