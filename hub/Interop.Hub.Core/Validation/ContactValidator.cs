using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Numbering;

namespace Interop.Hub.Core.Validation;

/// <summary>
/// Checks a person's contact details against the contract. Every field is
/// optional, but one that is given must be usable: the renewal reminder and
/// the no-answer warning letter go to these addresses (domain §2.3–2.4).
/// </summary>
internal static class ContactValidator
{
    private const int MaxEmailLength = 254;
    private const int MaxAddressLines = 3;
    private const int MaxAddressLineLength = 100;
    private const int MaxCityLength = 100;
    private const int MinPhoneLength = 6;
    private const int MaxPhoneLength = 20;
    private const int MinPhoneDigits = 6;

    /// <param name="c">The contact details.</param>
    /// <param name="path">Path of the <c>Contact</c> message, e.g. <c>application.applicant.contact</c>.</param>
    /// <param name="v">Where violations go.</param>
    public static void Validate(Contact c, string path, Violations v)
    {
        Email(c.Email, FieldPath.Of(path, "email"), v);
        Phone(c.Phone, FieldPath.Of(path, "phone"), v);

        var address = FieldPath.Of(path, "address");
        var lines = FieldPath.Of(address, "lines");
        if (c.AddressLines.Count > MaxAddressLines)
        {
            v.Add(lines, $"must have at most {MaxAddressLines} lines.");
        }

        for (var i = 0; i < c.AddressLines.Count; i++)
        {
            FieldRules.Text(c.AddressLines[i], FieldPath.At(lines, i), MaxAddressLineLength, v);
        }

        if (c.PostalCode.Length != 0 && !(c.PostalCode.Length == 5 && c.PostalCode.All(char.IsAsciiDigit)))
        {
            v.Add(FieldPath.Of(address, "postal_code"), "must be five digits.");
        }

        FieldRules.Text(c.City, FieldPath.Of(address, "city"), MaxCityLength, v);

        if (c.CommuneCode.Length != 0 && !InseeCodes.IsCommuneCode(c.CommuneCode))
        {
            v.Add(FieldPath.Of(address, "commune_code"), "is not an INSEE commune code (5 characters such as 14118, 2A004 or 97411).");
        }
    }

    private static void Email(string email, string path, Violations v)
    {
        if (email.Length == 0)
        {
            return;
        }

        if (email.Length > MaxEmailLength)
        {
            v.Add(path, $"must be at most {MaxEmailLength} characters.");
        }
        else if (!IsEmailShaped(email))
        {
            v.Add(path, "must be shaped like an e-mail address: local@domain.tld.");
        }
    }

    private static void Phone(string phone, string path, Violations v)
    {
        if (phone.Length == 0)
        {
            return;
        }

        var shaped = phone.Length is >= MinPhoneLength and <= MaxPhoneLength
            && phone.All(ch => char.IsAsciiDigit(ch) || ch is ' ' or '+' or '.' or '-' or '(' or ')')
            && phone.Count(char.IsAsciiDigit) >= MinPhoneDigits;
        if (!shaped)
        {
            v.Add(path, $"must be {MinPhoneLength} to {MaxPhoneLength} characters of digits, spaces, +, ., -, ( and ), with at least {MinPhoneDigits} digits.");
        }
    }

    /// <summary>
    /// A plain shape check (a dot-atom local part, an at sign, a dotted domain
    /// ending with a top-level name of letters): enough to catch typing
    /// mistakes; only a message that arrives proves an address.
    /// </summary>
    private static bool IsEmailShaped(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@'))
        {
            return false;
        }

        var local = email[..at];
        var labels = email[(at + 1)..].Split('.');
        return IsDotAtom(local)
            && labels.Length >= 2
            && labels.All(IsDomainLabel)
            && labels[^1].Length >= 2
            && labels[^1].All(char.IsLetter);
    }

    private static bool IsDotAtom(string local) =>
        local.Split('.').All(atom => atom.Length > 0 && atom.All(ch => char.IsLetterOrDigit(ch) || "!#$%&'*+/=?^_`{|}~-".Contains(ch, StringComparison.Ordinal)));

    private static bool IsDomainLabel(string label) =>
        label.Length is > 0 and <= 63
        && label[0] != '-'
        && label[^1] != '-'
        && label.All(ch => char.IsLetterOrDigit(ch) || ch == '-');
}
