namespace Interop.Hub.Feed;

/// <summary>
/// Turns for the CPU part of a feed delivery (serialising a page's messages into a stream's buffer and
/// flushing it): at most <see cref="Count"/> streams of this process do it at once. A stream takes a turn
/// at its first write of a page and gives it back at the end of the page, or as soon as a write does not
/// complete at once.
/// </summary>
/// <remarks>
/// A published page wakes every stream waiting at the head together (fifty at fifty subscribers); each
/// then writes and flushes, and every flush sets off Kestrel's frame writer and a socket send. On a 2-core
/// machine that burst of work queued ahead of other clients' calls arriving meanwhile (issue 15: another
/// client's unary p99 1.19× with fifty subscribers). With turns the burst runs a few streams at a time
/// and leaves the other cores to the rest of the hub.
///
/// A write that does not complete at once is waiting for HTTP/2 flow control (the subscriber does not
/// read, its window is full): the stream gives its turn back before it waits, so a slow subscriber never
/// holds one and never slows the others.
/// </remarks>
internal sealed class DeliveryTurns(int count)
{
    private readonly SemaphoreSlim turns = new(count, count);

    /// <summary>Half the cores, at least one and at most four: the other half stays free for the hub's calls and PostgreSQL.</summary>
    public static int DefaultCount => Math.Clamp(Environment.ProcessorCount / 2, 1, 4);

    public int Count => count;

    public Task TakeAsync(CancellationToken cancellationToken) => turns.WaitAsync(cancellationToken);

    public void GiveBack() => turns.Release();
}
