namespace Interop.Hub.Core.Applications;

public sealed record DisabilityNeeds
{
    public bool WheelchairAccessRequired { get; init; }

    public bool AdaptedDwellingRequired { get; init; }

    public string Details { get; init; } = "";
}
