namespace Interop.Adapters.Sdk.Outbound;

/// <summary>An ERP change the hub answered with a refusal (not a fault): it goes to the dead letters with the hub's reason.</summary>
internal sealed class ChangeRefusedException : Exception
{
    public ChangeRefusedException(string reason, Exception? innerException = null)
        : base(reason, innerException)
    {
    }

    public ChangeRefusedException()
    {
    }

    public ChangeRefusedException(string reason)
        : base(reason)
    {
    }
}
