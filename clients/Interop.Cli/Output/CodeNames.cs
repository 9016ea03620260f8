using System.Text;

namespace Interop.Cli.Output;

/// <summary>
/// Contract enums as typed on the command line and shown to people: the C# value name in
/// kebab case (<c>NoAnswer</c> → <c>no-answer</c>, <c>SameHousehold</c> → <c>same-household</c>).
/// </summary>
internal static class CodeNames
{
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var kebab = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(name[i]));
        }

        return kebab.ToString();
    }

    /// <summary>Every name but <c>unspecified</c>.</summary>
    public static string[] All<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0).Select(Of).ToArray();

    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Convert.ToInt32(candidate, System.Globalization.CultureInfo.InvariantCulture) != 0
                && string.Equals(Of(candidate), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
