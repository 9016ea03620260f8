using System.Text.Json;
using System.Text.Json.Serialization;
using Interop.Hub.Core.Applications;

namespace Interop.Hub.Storage.Applications;

/// <summary>
/// The household is stored as one jsonb document: it is read and written
/// whole, and erasing personal data is then a single column set to NULL.
/// Enums are stored by name so the document stays readable and stable if
/// numeric values ever move.
/// </summary>
internal static class HouseholdJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(Household household) => JsonSerializer.Serialize(household, Options);

    public static Household Deserialize(string json) =>
        JsonSerializer.Deserialize<Household>(json, Options) ?? throw new InvalidDataException("Household document is null.");
}
