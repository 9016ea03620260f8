using System.Globalization;

namespace Interop.Hub.Core.Cotation;

/// <summary>French formatting of explanation lines: applicants and CAL members read them.</summary>
internal static class Wording
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Number(decimal value) => value.ToString("0.##", French);

    /// <summary>« +40 points », « +1 point », « +2,5 points ».</summary>
    public static string SignedPoints(decimal points) => "+" + Points(points);

    /// <summary>« 40 points », « 1 point », « 0 point » (French keeps the singular below 2).</summary>
    public static string Points(decimal points) => Number(points) + (Math.Abs(points) < 2 ? " point" : " points");

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>« 1 250 € » with French digit grouping.</summary>
    public static string Euros(long amount) => amount.ToString("N0", French) + " €";

    public static string Persons(int count) => count + (count < 2 ? " personne" : " personnes");

    public static string Rooms(int count) => count + (count < 2 ? " pièce" : " pièces");

    public static string Months(int count) => count + " mois";
}
