namespace Interop.Matching.HeldOut.Records;

/// <summary>
/// The kinds a pair of one person's records carries: the desk's errors on either record, plus what differs
/// between the two (a move, other contacts, a marriage in between, the former and the current commune of birth).
/// </summary>
internal static class PairKinds
{
    public static SortedSet<ErrorKind> Of(ApplicantRecord a, ApplicantRecord b)
    {
        var kinds = new SortedSet<ErrorKind>(a.Errors);
        kinds.UnionWith(b.Errors);
        if (a.TrueContacts.Home.Code != b.TrueContacts.Home.Code)
        {
            kinds.Add(ErrorKind.Moved);
        }

        if (!string.Equals(a.Email, b.Email, StringComparison.OrdinalIgnoreCase))
        {
            kinds.Add(ErrorKind.EmailChanged);
        }

        if (a.TrueContacts.Phone != b.TrueContacts.Phone || a.Phone.Length == 0 || b.Phone.Length == 0)
        {
            kinds.Add(ErrorKind.PhoneChanged);
        }

        if (a.Married != b.Married)
        {
            kinds.Add(ErrorKind.MarriedBetweenApplications);
        }

        if (a.PlaceForm.Length > 0 && b.PlaceForm.Length > 0 && a.PlaceForm != b.PlaceForm)
        {
            kinds.Add(ErrorKind.BirthPlaceMergedCommune);
        }

        return kinds;
    }
}
