using Microsoft.Extensions.Configuration;

namespace Interop.Adapters.Conformance;

/// <summary>For harnesses whose ERP codes are the adapter's own mapping tables (<c>Adapter:Mappings:{table}:{ERP code} = {contract code}</c>).</summary>
public static class MappingTables
{
    /// <summary>
    /// The ERP code of <paramref name="contractCode"/> in <paramref name="table"/>: the first in the configuration's key
    /// order, as an adapter reading its tables backwards finds it.
    /// </summary>
    public static string ErpCodeOf(IReadOnlyDictionary<string, string?> mappings, string table, string contractCode)
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(mappings).Build().GetSection("Adapter:Mappings:" + table);
        return section.GetChildren().FirstOrDefault(c => c.Value == contractCode)?.Key
            ?? throw new ArgumentException($"No ERP code for {contractCode} in table {table}.", nameof(contractCode));
    }
}
