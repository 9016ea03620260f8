using System.Security.Cryptography;
using System.Text;

namespace Interop.NationalExchange.Import;

/// <summary>
/// The request id of each call an import makes, derived from the return file's
/// identity (its day and national number, not its name on disk) and the line:
/// a file applied again, after a crash or by mistake, sends the same ids, and
/// the hub answers them as the replays they are.
/// </summary>
internal static class RequestIds
{
    public static string For(string fileIdentity, long position, string action)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"interop-nuu-retour|{fileIdentity}|{position}|{action}"));
        // An RFC 9562 version 8 (custom) UUID: the hub takes any UUID in its standard form.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
