namespace Interop.Adapters.Sdk.Mapping;

/// <summary>An ERP code with no entry in its mapping table, or mapped to something the contract does not know. The change is dead-lettered with this message.</summary>
public sealed class UnknownCodeException : Exception
{
    /// <summary>The code <paramref name="value"/> of table <paramref name="table"/> cannot be mapped; <paramref name="message"/> says why.</summary>
    public UnknownCodeException(string table, string value, string message)
        : base(message)
    {
        Table = table;
        Value = value;
    }

    /// <summary>The mapping table (configuration <c>Mappings:{Table}</c>).</summary>
    public string Table { get; }

    /// <summary>The ERP code that has no mapping.</summary>
    public string Value { get; }
}
