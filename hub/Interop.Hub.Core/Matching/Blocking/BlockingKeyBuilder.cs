using Interop.Hub.Core.Matching.Comparators;
using Interop.Hub.Core.Matching.Normalisation;

namespace Interop.Hub.Core.Matching.Blocking;

/// <summary>
/// The blocking keys of a person: short strings such that two records of one person share at least
/// one of them despite the errors matching tolerates. The hub stores them in an indexed table (a
/// check is a few index look-ups); batch mode groups records by them. Each key starts with its kind.
/// </summary>
public static class BlockingKeyBuilder
{
    /// <summary>Key kinds, in the order keys are produced (batch mode scores a pair under the first kind both share).</summary>
    public static readonly IReadOnlyList<string> Kinds = ["NIR", "BD", "FD", "SY", "S3", "F3", "NP", "NN", "EM", "PH", "PS", "PF"];

    public static IReadOnlyList<string> For(NormalizedIdentity person)
    {
        var keys = new List<string>(12);
        var date = person.BirthDate;
        var year = date.IsKnown ? date.Digits[..4] : "";
        var first = person.FirstNames;
        var use = person.UseName;

        // NIR: one look-up finds the person whatever the names say (7+ characters: foreign ids too).
        if (person.Nir.Length >= 7)
        {
            keys.Add("NIR:" + person.Nir);
        }

        if (date.IsKnown)
        {
            // Birth date with day and month in order of size: a day/month swap keeps the key.
            var (low, high) = date.Month <= date.Day ? (date.Digits[4..6], date.Digits[6..8]) : (date.Digits[6..8], date.Digits[4..6]);
            keys.Add($"BD:{year}{low}{high}");
            if (first is not null && first.Sound.Length > 0)
            {
                keys.Add($"FD:{first.Sound}:{date.Digits}");
            }

            // Phonetic surname and birth year, for every surname form and compound part:
            // married/birth names and "Martin-Dupont"/"Martin" find each other.
            var sounds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var form in person.Surnames)
            {
                sounds.Add(form.Sound);
                if (form.Parts.Count > 1)
                {
                    foreach (var part in form.Parts)
                    {
                        sounds.Add(Soundex2.Skeleton(part));
                    }
                }
            }

            foreach (var sound in sounds.Where(s => s.Length > 0).Order(StringComparer.Ordinal))
            {
                keys.Add($"SY:{sound}:{year}");
            }

            // Spelling prefixes and birth year: typos late in a name that change its sound.
            if (use is not null && use.Core.Length >= 3)
            {
                keys.Add($"S3:{use.Core[..3]}:{year}");
            }

            if (first is not null && first.Primary.Length >= 3)
            {
                keys.Add($"F3:{first.Primary[..3]}:{year}");
            }
        }

        if (use is not null && first is not null && use.Sound.Length > 0 && first.Sound.Length > 0)
        {
            // Surname and first name in either order: swapped names keep both keys.
            var (x, y) = string.CompareOrdinal(use.Sound, first.Sound) <= 0 ? (use.Sound, first.Sound) : (first.Sound, use.Sound);
            if (date.IsKnown)
            {
                keys.Add($"NP:{x}:{y}:{year}");
            }

            keys.Add($"NN:{x}:{y}");
        }

        if (person.Email.Length > 0)
        {
            keys.Add("EM:" + person.Email);
        }

        if (person.Phone.Length >= 9)
        {
            keys.Add("PH:" + person.Phone);
        }

        if (person.Postcode.Length > 0)
        {
            if (use is not null && use.Sound.Length > 0)
            {
                keys.Add($"PS:{person.Postcode}:{Prefix(use.Sound, 3)}");
            }

            if (first is not null && first.Sound.Length > 0)
            {
                keys.Add($"PF:{person.Postcode}:{Prefix(first.Sound, 3)}");
            }
        }

        return keys;
    }

    /// <summary>
    /// The keys two registrations of one person serialise on (the hub takes one lock per key before its
    /// duplicate check): those built from names, birth date and NIR. Contact keys (e-mail, phone) are left
    /// out: a shared family phone or a placeholder e-mail typed by a desk would otherwise queue unrelated
    /// registrations behind one lock, and a person registered twice shares name and date keys anyway.
    /// </summary>
    public static IReadOnlyList<string> LockKeysFor(NormalizedIdentity person) =>
        For(person).Where(key => !ContactKinds.Any(kind => key.StartsWith(kind, StringComparison.Ordinal))).ToList();

    private static readonly string[] ContactKinds = ["EM:", "PH:"];

    private static string Prefix(string text, int length) => text.Length <= length ? text : text[..length];
}
