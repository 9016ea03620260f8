using Interop.Hub.Core.Validation;

namespace Interop.Hub.Registry;

/// <summary>
/// Contract enums and domain enums share their numbers, so mapping is a cast;
/// a number this hub does not know (a newer client) is refused by name here
/// rather than stored.
/// </summary>
internal static class EnumMapping
{
    public static TDomain ToDomain<TDomain>(int value, string field, Violations violations)
        where TDomain : struct, Enum
    {
        var mapped = (TDomain)Enum.ToObject(typeof(TDomain), value);
        if (!Enum.IsDefined(mapped))
        {
            violations.Add(field, $"{value} is not a known value.");
            return default;
        }

        return mapped;
    }
}
