using System.Security.Cryptography;

namespace Interop.Hub.Access;

/// <summary>
/// The bearer token of an API key: <c>ik_{key id}_{secret}</c>. The key id finds
/// the row; only a SHA-256 of the secret is stored. A fast hash is enough here
/// (no PBKDF2) because secrets are 256 random bits, not passwords a person
/// chose: there is nothing to guess.
/// </summary>
internal static class ApiKeySecret
{
    private const string Prefix = "ik_";
    private const int KeyIdLength = 16;

    public static (string KeyId, string Token) NewToken()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdLength / 2));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (keyId, $"{Prefix}{keyId}_{secret}");
    }

    public static bool TryParse(string token, out string keyId, out string secret)
    {
        keyId = secret = "";
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length < Prefix.Length + KeyIdLength + 2
            || token[Prefix.Length + KeyIdLength] != '_')
        {
            return false;
        }

        keyId = token.Substring(Prefix.Length, KeyIdLength);
        secret = token[(Prefix.Length + KeyIdLength + 1)..];
        return IsKeyId(keyId) && secret.Length > 0;
    }

    /// <summary>Whether <paramref name="keyId"/> has the shape of the ids <see cref="NewToken"/> makes.</summary>
    public static bool IsKeyId(string keyId) => keyId.Length == KeyIdLength && keyId.All(char.IsAsciiHexDigitLower);

    public static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    /// <summary>Constant-time comparison, so response times tell an attacker nothing about how close a guess was.</summary>
    public static bool Matches(string secret, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
