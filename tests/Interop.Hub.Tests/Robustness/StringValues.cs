using System.Text;
using CsCheck;

namespace Interop.Hub.Tests.Robustness;

/// <summary>
/// Strings for the generated requests: for a field the contract gives a
/// shape (ids, names, codes, resource names, page tokens), real-looking values
/// of the hub under test; for any field, empty, short, long, unicode and
/// control-character strings.
/// </summary>
internal static class StringValues
{
    private static readonly string[] Odd =
    [
        "", " ", "a", "Zoë", "李小龍", "🙂🙂", "e\u0301", "\u202Eevil", "\uFEFFbom", "\0", "a\0b", "a\nb", "\u0007", "\u0085",
        "\ud800", "'; DROP TABLE applications; --", "%s%n", "../../etc/passwd", "null", "applications/", "organizations/",
        "applications/%", "applications/014 2603 B0001 00042 N", "applications/\0",
    ];

    public static Gen<string> Generic(bool allowLong)
    {
        var shortText = Gen.String[0, 24];
        var odd = Gen.OneOf(Odd);
        return allowLong
            ? Gen.Frequency((3, odd), (2, shortText), (1, Gen.Int[101, 3000].Select(n => new string('é', n))), (1, Gen.Int[3000, 70_000].Select(n => new string('x', n))))
            : Gen.Frequency((3, odd), (2, shortText), (1, Gen.Int[40, 300].Select(n => new string('x', n))));
    }

    /// <summary>Real-looking values of a field the contract gives a shape to, or null for free text.</summary>
    public static Gen<string>? ForField(string field, KnownValues known) => field switch
    {
        "request_id" => Gen.Frequency(
            (6, Gen.Guid.Select(g => g.ToString())),
            (1, Gen.Guid.Select(g => g.ToString("B"))),
            (1, Gen.Guid.Select(g => g.ToString().ToUpperInvariant())),
            (1, Gen.Guid.Select(g => g.ToString("N")))),
        "name" or "parent" or "application" or "organization" or "candidate" => Gen.OneOf(known.ResourceNames.ToArray()),
        "number" => Gen.OneOf([.. known.Numbers, "0142603B000100001X", "A", "ABCDEFGHIJKLMNOPQRSTU", "abc-12"]),
        "departement" or "departements" => Gen.OneOf("14", "61", "2A", "2a", "974", "75", "00", "99", "20", "1"),
        "commune_code" or "commune_codes" or "wished_commune_code" or "wished_commune_codes" or "stock_commune_codes" =>
            Gen.OneOf("14118", "14327", "61001", "75056", "2A004", "97411", "00000", "1411", "14118 "),
        "registering_desk" or "registering_desks" => Gen.OneOf("B0001", "B0002", "b0003", "C0001", "ZZZ99", "B000", "B00001"),
        "last_name" or "birth_name" or "first_names" => Gen.OneOf("Martin", "N'Diaye", "Saint-Exupéry", "Jean-Luc", "Dupont", "Élodie", "J. R."),
        "email" => Gen.OneOf("camille@example.fr", "a@b.c", "@example.fr", "x@example.fr "),
        "phone" => Gen.OneOf("02 31 00 00 00", "+33 6 12 34 56 78", "12345", "0231000000000000000000"),
        "nir" => Gen.OneOf("288041411812345", "2880414118123", "1 85 05 78 006 084 36", "2AB"),
        "reason_codes" => Gen.OneOf("01", "09", "23", "24", "1", "00"),
        "dwelling_id" => Gen.OneOf("RPLS14118A001", "rpls1", "RPLS-1"),
        "subscription_id" => Gen.OneOf("fuzz", "erp-1", "UPPER", "a_b", new string('a', 64)),
        "organization_id" => Gen.OneOf("fuzz-org-a", "fuzz-org-b", "test-registrar", "Fuzz", "ab"),
        "display_name" => Gen.OneOf("Fuzz organisation", "Clé de test"),
        "epci_sirens" => Gen.OneOf("200065597", "20006559", "abcdefghi"),
        "postal_code" => Gen.OneOf("14000", "1400", "ABCDE"),
        "city" or "free_text" or "details" or "refusal_reason" or "lines" => Gen.OneOf("Caen", "Alger", "Rez-de-chaussée", "Trop loin du travail"),
        "page_token" => Gen.Frequency(
            (3, Gen.OneOf(known.PageTokens.ToArray())),
            (1, Gen.OneOf(known.PageTokens.Select(t => t[..(t.Length / 2)]).ToArray())),
            (2, Gen.Byte.Array[1, 60].Select(Convert.ToBase64String)),
            (1, Gen.OneOf(
                Base64Url("organizations|\0"), Base64Url("audit|-1"), Base64Url("audit|99999999999999999999"), Base64Url("reviewItems|1"),
                Base64Url("v1|0000000000000000|0142603B000100001X|0"), Base64Url("proposals:X|not-a-guid"), Base64Url("organizations|" + new string('z', 500)),
                "!!!!", "====", "a"))),
        _ => null,
    };

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
