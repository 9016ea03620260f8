namespace Interop.Matching.Registration;

/// <summary>What the hub did with each record: registered (under an application name), refused as a duplicate, or refused by the contract.</summary>
internal sealed class RegistrationRun(int records)
{
    /// <summary>Application name of each registered record; null when it was refused.</summary>
    public string?[] Registered { get; } = new string?[records];

    /// <summary>The records refused as DUPLICATE_APPLICATION, with the applications the hub named.</summary>
    public List<(int Record, IReadOnlyList<string> Existing)> Duplicates { get; } = [];

    /// <summary>The records the contract refuses (INVALID_ARGUMENT), with the first violation: not scored.</summary>
    public List<(int Record, string Violation)> ContractRefused { get; } = [];

    /// <summary>Any other failure: the run's figures are void.</summary>
    public List<(int Record, string Error)> Failures { get; } = [];

    public TimeSpan Elapsed { get; set; }
}
