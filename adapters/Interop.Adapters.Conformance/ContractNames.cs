using Interop.Adapters.Sdk.Mapping;

namespace Interop.Adapters.Conformance;

/// <summary>The contract's names of enum values (<c>SEX_FEMALE</c>), as mapping tables and <see cref="ConformanceHousehold"/> spell them.</summary>
public static class ContractNames
{
    /// <summary>The protobuf name of <paramref name="value"/>.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum =>
        CodeMapper.ContractName(value);

    /// <summary>The value of <typeparamref name="T"/> whose protobuf name is <paramref name="name"/>.</summary>
    public static T Parse<T>(string name)
        where T : struct, Enum =>
        Enum.GetValues<T>().First(v => Of(v) == name);
}
