namespace Interop.Adapters.Sql.Outbox;

/// <summary>A row of <c>interop.outbox</c> as the relay reads it.</summary>
internal sealed record OutboxRow
{
    public long Position { get; init; }

    public long Sequence { get; init; }

    public string DossierReference { get; init; } = "";

    public string Operation { get; init; } = "";

    public string[] ChangedFields { get; init; } = [];

    public string Payload { get; init; } = "";

    public DateTime ChangedAt { get; init; }
}
