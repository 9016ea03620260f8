namespace Interop.Hub.Core.Applications;

public sealed record Contact
{
    public string Email { get; init; } = "";

    public string Phone { get; init; } = "";

    public IReadOnlyList<string> AddressLines { get; init; } = [];

    public string PostalCode { get; init; } = "";

    public string City { get; init; } = "";

    public string CommuneCode { get; init; } = "";
}
