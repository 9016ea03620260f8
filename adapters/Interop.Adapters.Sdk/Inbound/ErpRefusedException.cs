namespace Interop.Adapters.Sdk.Inbound;

/// <summary>Thrown by an <see cref="IHubChangeSink"/> when the ERP refuses a change for good; the SDK dead-letters it with <see cref="Exception.Message"/> as the reason.</summary>
public sealed class ErpRefusedException : Exception
{
    /// <summary>A refusal with its reason, told to whoever reads the dead letters.</summary>
    public ErpRefusedException(string reason)
        : base(reason)
    {
    }

    /// <summary>A refusal with its reason and the ERP's own error.</summary>
    public ErpRefusedException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }

    /// <summary>A refusal without a stated reason.</summary>
    public ErpRefusedException()
    {
    }
}
