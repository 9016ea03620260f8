namespace Interop.Hub.Core.Numbering;

/// <summary>
/// The parts of an 18-character application number with the hub's structure and a valid check character.
/// </summary>
/// <param name="Departement">INSEE form: <c>14</c>, <c>2A</c>, <c>974</c> (not the padded <c>014</c> of the number).</param>
/// <param name="Year">Full year of first registration, 2000 + YY.</param>
/// <param name="Month">Month of first registration, 1–12.</param>
/// <param name="DeskCode">The registering desk, five characters of <c>0-9A-Z</c>.</param>
/// <param name="Counter">1–99999, per département + month + desk.</param>
public sealed record StructuredNumber(string Departement, int Year, int Month, string DeskCode, int Counter)
{
    /// <summary>The key of the counter this number was minted from, with <see cref="Departement"/> and <see cref="DeskCode"/>.</summary>
    public string MonthKey => ApplicationNumber.MonthKey(Year, Month);
}
