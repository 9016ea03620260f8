using System.Globalization;
using Interop.Matching.HeldOut.Records;

namespace Interop.Matching.HeldOut.Population;

/// <summary>E-mail addresses built from the names as people build them, and French mobile numbers.</summary>
internal sealed class ContactMaker(Random random)
{
    private static readonly string[] Providers =
        ["gmail.com", "gmail.com", "gmail.com", "orange.fr", "hotmail.fr", "hotmail.com", "free.fr", "sfr.fr", "laposte.net", "yahoo.fr", "wanadoo.fr", "outlook.fr"];

    public string Email(string firstName, string surname, int birthYear)
    {
        var first = Clean(firstName) is { Length: > 0 } f ? f : "contact";
        var last = Clean(surname) is { Length: > 0 } l ? l : "mail";
        var provider = Providers[random.Next(Providers.Length)];
        var local = random.Next(5) switch
        {
            0 => $"{first}.{last}",
            1 => $"{first}{last}{birthYear % 100:00}",
            2 => $"{first[0]}{last}",
            3 => $"{last}.{first}{random.Next(1, 100)}",
            _ => $"{first}_{last}{random.Next(1, 1000)}",
        };
        return $"{local}@{provider}";
    }

    public string Phone() =>
        (random.Next(10) < 7 ? "06" : "07") + random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    private static string Clean(string name) =>
        new([.. Spelling.RemoveAccents(name).ToLowerInvariant().Where(c => c is >= 'a' and <= 'z' or '-')]);
}
