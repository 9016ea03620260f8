namespace Interop.Hub.Core.Matching.Batch;

/// <summary>
/// 64-bit FNV-1a of a blocking key: batch mode sorts numbers, not strings. With ten million keys a
/// collision is about one chance in 10⁵; its only effect is one extra block compared.
/// </summary>
internal static class KeyHash
{
    public static ulong Of(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return hash;
    }
}
