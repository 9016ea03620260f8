namespace Interop.Client.Tests.Replicas;

/// <summary>The three-replica tests, one at a time: each runs three hub processes and nginx.</summary>
[CollectionDefinition(Name)]
public sealed class ReplicaCollection
{
    public const string Name = "three replicas";
}
