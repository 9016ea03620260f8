using Interop.Hub.Core.Applications;

namespace Interop.Hub.Applications;

/// <summary>An application numbered elsewhere (national registry, legacy ERP), already validated, with its normalised number.</summary>
internal sealed record ImportedApplication(
    string Number, string Departement, string Desk, DateOnly Filed, DateOnly? LastRenewed, Household Household, ChangeAuthor Author);
