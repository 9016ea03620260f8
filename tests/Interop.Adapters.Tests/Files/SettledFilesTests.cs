using Interop.Adapters.Files.Inbox;
using Microsoft.Extensions.Time.Testing;

namespace Interop.Adapters.Tests.Files;

/// <summary>When an inbox file counts as settled, on a fake clock (the files' own times are real).</summary>
public sealed class SettledFilesTests : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("settled-");
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public void AFileWrittenInPlace_SettlesASettleTimeAfterItsLastChange_NotBefore()
    {
        var settled = new SettledFiles(clock, Settle);
        var export = Path.Combine(folder.FullName, "a.csv");
        Write(export, "dossier;nom\n");

        Assert.Empty(settled.Of([export]));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(settled.Of([export]));

        // The second burst: a new size and time, the quiet time starts again from it.
        Write(export, "D-1;Durand\n", append: true);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(settled.Of([export]));
        clock.Advance(TimeSpan.FromSeconds(0.9));
        Assert.Empty(settled.Of([export]));
        clock.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal([export], settled.Of([export]));
    }

    [Fact]
    public void AFileRenamedInLongAfterItWasWritten_IsTakenAtTheSecondLook_AndOneJustWrittenWaitsASettleTime()
    {
        var settled = new SettledFiles(clock, Settle);
        var (old, fresh) = (Path.Combine(folder.FullName, "a.csv"), Path.Combine(folder.FullName, "b.csv"));
        File.WriteAllText(old, "dossier\nD-1\n");
        File.SetLastWriteTimeUtc(old, clock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        Write(fresh, "dossier\nD-2\n");

        // One look is never enough: a share may show an old time on a growing file; its size tells.
        Assert.Empty(settled.Of([old, fresh]));
        clock.Advance(TimeSpan.FromMilliseconds(50));
        Assert.Equal([old], settled.Of([old, fresh]));
        clock.Advance(Settle);
        Assert.Equal([old, fresh], settled.Of([old, fresh]));
    }

    [Fact]
    public void AFileStillBeingWritten_HoldsNoOtherBack_AndAFileGoneIsForgotten()
    {
        var settled = new SettledFiles(clock, Settle);
        var (growing, whole) = (Path.Combine(folder.FullName, "a.csv"), Path.Combine(folder.FullName, "b.csv"));
        Write(growing, "dossier\n");
        Write(whole, "dossier\nD-2\n");
        Assert.Empty(settled.Of([growing, whole]));

        clock.Advance(Settle);
        Write(growing, "D-1\n", append: true);

        Assert.Equal([whole], settled.Of([growing, whole]));

        // Moved away and a new export under the same name: a new file, watched from its first sight.
        File.Delete(whole);
        Assert.Empty(settled.Of([growing]));
        Write(whole, "dossier\nD-3\n");
        Assert.Empty(settled.Of([growing, whole]));
    }

    public void Dispose() => folder.Delete(recursive: true);

    // The file system's clock kept in step with the fake one, as the real ones are.
    private void Write(string path, string text, bool append = false)
    {
        if (append)
        {
            File.AppendAllText(path, text);
        }
        else
        {
            File.WriteAllText(path, text);
        }

        File.SetLastWriteTimeUtc(path, clock.GetUtcNow().UtcDateTime);
    }
}
