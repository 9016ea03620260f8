using Interop.Hub.Core.Cotation.Loading;
using Interop.Hub.Core.Validation;

namespace Interop.Hub.Cotation;

/// <summary>Resource names of grids, built and read in one place: <c>grids/{grid_id}</c>, <c>grids/{grid_id}/versions/{version}</c>.</summary>
internal static class GridName
{
    private const string Collection = "grids/";

    public static string Of(string gridId) => Collection + gridId;

    public static string OfVersion(string gridId, int version) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Collection}{gridId}/versions/{version}");

    /// <summary>Reads a required <c>grids/{grid_id}</c>; empty when invalid (a violation is added).</summary>
    public static string Parse(string? name, string field, Violations violations)
    {
        if (string.IsNullOrEmpty(name))
        {
            violations.Add(field, "is required: grids/{grid_id}.");
            return "";
        }

        var id = name.StartsWith(Collection, StringComparison.Ordinal) ? name[Collection.Length..] : "";
        if (!GridLoader.IsId(id))
        {
            violations.Add(field, "must be grids/{grid_id}, the id being 1 to 63 characters from a-z, 0-9 and '-'.");
            return "";
        }

        return id;
    }
}
