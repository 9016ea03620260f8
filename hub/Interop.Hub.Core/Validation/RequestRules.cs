using Interop.Hub.Core.Numbering;

namespace Interop.Hub.Core.Validation;

/// <summary>
/// Checks of the request fields that are not the application itself: the
/// idempotency key, the resource name, the expected revision, codes. Shared by
/// every RPC so each field is refused with the same words everywhere.
/// </summary>
public static class RequestRules
{
    private const string ApplicationsCollection = "applications/";
    private const int MaxNumberLength = 20;
    private const int DeskCodeLength = 5;

    /// <summary>
    /// The <c>request_id</c> every mutation carries: required, a UUID in its
    /// standard form (8-4-4-4-12 hexadecimal digits). Only that form is taken,
    /// so that the same id is always spelled the same way when it is looked up
    /// again.
    /// </summary>
    public static void RequestId(string? id, Violations v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (string.IsNullOrEmpty(id))
        {
            v.Add("request_id", "is required: a UUID chosen by the caller, the same for every retry.");
        }
        else if (!IsUuid(id))
        {
            v.Add("request_id", "must be a UUID in its standard form, such as 123e4567-e89b-12d3-a456-426614174000.");
        }
    }

    /// <summary>
    /// Reads <c>applications/{number}</c>. The number is normalised as numbers
    /// are everywhere (trimmed, upper-cased), then must be 1 to 20 characters
    /// from <c>0-9A-Z</c>: the widest form the registry holds, imported numbers
    /// included.
    /// </summary>
    /// <param name="name">The resource name.</param>
    /// <param name="number">The normalised number, or empty when the name is not an application's.</param>
    public static bool TryParseApplicationName(string? name, out string number)
    {
        number = "";
        if (name is null || !name.StartsWith(ApplicationsCollection, StringComparison.Ordinal))
        {
            return false;
        }

        var candidate = name[ApplicationsCollection.Length..].Trim().ToUpperInvariant();
        if (candidate.Length is 0 or > MaxNumberLength || !candidate.All(IsUpperAlphanumeric))
        {
            return false;
        }

        number = candidate;
        return true;
    }

    /// <summary>Checks a required application name in <paramref name="field"/> and gives its number, empty when invalid.</summary>
    public static void ApplicationName(string? name, string field, Violations v, out string number)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (string.IsNullOrEmpty(name))
        {
            number = "";
            v.Add(field, "is required: applications/{number}.");
        }
        else if (!TryParseApplicationName(name, out number))
        {
            v.Add(field, "must be applications/{number}, the number being 1 to 20 letters and digits.");
        }
    }

    /// <summary>The revision the caller last read; revisions start at 1, so 0 means the caller did not send one.</summary>
    public static void ExpectedRevision(long rev, Violations v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (rev <= 0)
        {
            v.Add("expected_revision", "is required: the revision of the application as last read (1 or more).");
        }
    }

    /// <summary>A required INSEE département code: <c>14</c>, <c>2A</c>, <c>974</c>.</summary>
    public static void Departement(string? code, string field, Violations v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (string.IsNullOrEmpty(code))
        {
            v.Add(field, "is required: an INSEE département code such as 14, 2A or 974.");
        }
        else if (!Departements.IsValid(code))
        {
            v.Add(field, "is not an INSEE département code (such as 14, 2A or 974).");
        }
    }

    /// <summary>A required registering desk code: 5 characters from <c>0-9A-Z</c>, as it appears inside minted numbers.</summary>
    public static void DeskCode(string? code, string field, Violations v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (string.IsNullOrEmpty(code))
        {
            v.Add(field, "is required: a desk code of 5 characters from 0-9 and A-Z.");
        }
        else if (code.Length != DeskCodeLength || !code.All(IsUpperAlphanumeric))
        {
            v.Add(field, "must be 5 characters from 0-9 and A-Z.");
        }
    }

    /// <summary>
    /// The page size of a listing: 0 means <paramref name="defaultSize"/>, more
    /// than <paramref name="maxSize"/> is served as <paramref name="maxSize"/>
    /// (AIP-158), a negative size is refused.
    /// </summary>
    public static int PageSize(int requested, int defaultSize, int maxSize, Violations v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (requested < 0)
        {
            v.Add("page_size", $"must not be negative: 0 for the default of {defaultSize}, at most {maxSize}.");
            return defaultSize;
        }

        return requested == 0 ? defaultSize : Math.Min(requested, maxSize);
    }

    /// <summary>Free text of a request (a display name, a reason): at most <paramref name="max"/> characters, no control character.</summary>
    public static void Text(string? value, string field, int max, bool required, Violations v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                v.Add(field, $"is required, at most {max} characters.");
            }

            return;
        }

        FieldRules.Text(value, field, max, v);
    }

    /// <summary>
    /// A list of a request: at most <paramref name="max"/> elements. Checked
    /// before its elements, so a huge list is refused for its size at once.
    /// </summary>
    public static bool ListSize(int count, string field, int max, Violations v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (count <= max)
        {
            return true;
        }

        v.Add(field, $"must have at most {max} elements, not {count}.");
        return false;
    }

    private static bool IsUpperAlphanumeric(char ch) => char.IsAsciiDigit(ch) || char.IsAsciiLetterUpper(ch);

    private static bool IsUuid(string id)
    {
        if (id.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < id.Length; i++)
        {
            var ok = i is 8 or 13 or 18 or 23 ? id[i] == '-' : char.IsAsciiHexDigit(id[i]);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
