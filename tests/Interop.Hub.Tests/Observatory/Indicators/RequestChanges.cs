using Interop.Contracts.V1;

namespace Interop.Hub.Tests.Observatory.Indicators;

/// <summary>A request changed in one place, for the table of bad requests.</summary>
internal static class RequestChanges
{
    public static GetTerritoryIndicatorsRequest Also(this GetTerritoryIndicatorsRequest request, Action<GetTerritoryIndicatorsRequest> change)
    {
        change(request);
        return request;
    }
}
