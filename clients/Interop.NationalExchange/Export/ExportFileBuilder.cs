using System.Security.Cryptography;
using Interop.Contracts.V1;
using Interop.NationalExchange.Files;
using Interop.NationalExchange.Mapping;
using Interop.NationalExchange.Schema;
using Interop.NationalExchange.Writing;

namespace Interop.NationalExchange.Export;

/// <summary>
/// Writes the changes of a range into a temporary file of the outbox as they
/// arrive (one change in memory at a time), durably, then validates it against
/// the schema. Publishing (the rename) is the caller's.
/// </summary>
internal static class ExportFileBuilder
{
    public static async Task<WrittenFile> WriteAsync(
        string temporaryPath,
        NuuFileHeader header,
        IAsyncEnumerable<Change> changes,
        Func<long> through,
        TimeZoneInfo zone,
        ISet<string> resendAsCreation,
        CancellationToken cancellationToken)
    {
        var byType = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var skipped = new List<ExportSkip>();
        long last;
        await using (var stream = PrivateFile.Create(temporaryPath, 64 * 1024))
        {
            using (var writer = new NuuFileWriter(stream, header))
            {
                await foreach (var change in changes.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    var (demande, skip) = DemandeMapper.Map(change, zone, resendAsCreation);
                    if (demande is not null)
                    {
                        writer.Write(demande);
                        byType[demande.TypeFichier] = byType.GetValueOrDefault(demande.TypeFichier) + 1;
                    }
                    else
                    {
                        skipped.Add(skip!);
                    }
                }

                last = through();
                writer.Complete(last);
            }

            // On disk before it may be renamed into place: a crash then leaves a whole file or none.
            stream.Flush(flushToDisk: true);
        }

        var errors = NuuSchema.ValidateFile(temporaryPath);
        if (errors.Count > 0)
        {
            File.Delete(temporaryPath);
            throw new NuuValidationException(Path.GetFileName(temporaryPath), errors);
        }

        return new WrittenFile(temporaryPath, last, byType, skipped, await Sha256Async(temporaryPath, cancellationToken).ConfigureAwait(false));
    }

    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}
