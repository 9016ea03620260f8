namespace Interop.Hub.Tests.Feed;

/// <summary>
/// Tests that measure the process' managed heap run alone: another test
/// class running in parallel would move the figure they assert on.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SlowSubscriberCollection
{
    public const string Name = "feed memory";
}
