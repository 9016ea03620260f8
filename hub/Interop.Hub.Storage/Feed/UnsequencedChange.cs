namespace Interop.Hub.Storage.Feed;

/// <summary>A committed change waiting for its change_seq.</summary>
public sealed record UnsequencedChange(long Position, string ApplicationNumber, long Revision);
