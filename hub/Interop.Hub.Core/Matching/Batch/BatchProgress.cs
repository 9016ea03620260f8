namespace Interop.Hub.Core.Matching.Batch;

/// <summary>Where a batch run is: its stage and how far through it.</summary>
public sealed record BatchProgress(string Stage, long Done, long Total);
