namespace Interop.Client.Internal;

/// <summary>What the retry decision needs to know about one logical call.</summary>
/// <param name="Method">The full method name, for logs.</param>
/// <param name="SafeAfterDeadline">Whether a call that ran out of time may be sent again: a read, or a request the hub recognises by its request id.</param>
/// <param name="CallerDeadline">The caller's own deadline for the whole call, if any.</param>
internal readonly record struct CallTraits(string Method, bool SafeAfterDeadline, DateTime? CallerDeadline);
