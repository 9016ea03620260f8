using System.Text;

namespace Interop.Hub.Storage.Attributions;

/// <summary>
/// Enum values as the rows spell them: snake_case of the name
/// (<c>OfferAccepted</c> ↔ <c>offer_accepted</c>), readable in SQL and
/// independent of the numbers the contract gives them.
/// </summary>
internal static class StoredName
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    public static TEnum Parse<TEnum>(string stored)
        where TEnum : struct, Enum =>
        Enum.Parse<TEnum>(stored.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
}
