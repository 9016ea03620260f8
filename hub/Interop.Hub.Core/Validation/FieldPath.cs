using System.Globalization;

namespace Interop.Hub.Core.Validation;

/// <summary>
/// Builds the contract's field paths (<c>application.household_members[2].birth_date</c>)
/// in one place, so that every violation names its field the way a client
/// reads it in the proto, whatever the nesting.
/// </summary>
internal static class FieldPath
{
    /// <summary>A field of a message at <paramref name="parent"/>; an empty parent means the request itself.</summary>
    public static string Of(string parent, string field) => parent.Length == 0 ? field : $"{parent}.{field}";

    /// <summary>An element of a repeated field.</summary>
    public static string At(string repeated, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{repeated}[{index}]");
}
