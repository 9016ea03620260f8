namespace Interop.Hub.Applications;

/// <summary>
/// A batch the set-based write cannot decide as a whole (a desk's counter would run out of numbers within
/// it): its transaction is rolled back and each record takes the single path, which refuses exactly the
/// records beyond the quota.
/// </summary>
internal sealed class BatchUndecidedException(string message) : Exception(message);
