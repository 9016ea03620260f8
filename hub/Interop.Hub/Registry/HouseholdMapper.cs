using Interop.Hub.Core.Validation;
using Domain = Interop.Hub.Core.Applications;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Registry;

/// <summary>The personal content of an application, between contract and domain.</summary>
internal static class HouseholdMapper
{
    /// <summary>The top-level fields of <c>Application</c> that make up the household (the paths an update mask may name).</summary>
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        "applicant", "co_applicant", "co_applicant_link", "family_situation", "household_members", "resources",
        "current_housing", "reason_codes", "wishes", "disability", "priority", "current_dwelling",
    };

    public static Domain.Household FromProto(V1.Application a, string prefix, Violations v) => new()
    {
        Applicant = PersonOf(a.Applicant ?? new V1.Person(), $"{prefix}.applicant", v),
        CoApplicant = a.CoApplicant is null ? null : PersonOf(a.CoApplicant, $"{prefix}.co_applicant", v),
        CoApplicantLink = EnumMapping.ToDomain<Domain.CoApplicantLink>((int)a.CoApplicantLink, $"{prefix}.co_applicant_link", v),
        FamilySituation = EnumMapping.ToDomain<Domain.FamilySituation>((int)a.FamilySituation, $"{prefix}.family_situation", v),
        Members = a.HouseholdMembers.Select((m, i) => MemberOf(m, $"{prefix}.household_members[{i}]", v)).ToList(),
        Resources = a.Resources is null
            ? new Domain.Resources()
            : new Domain.Resources
            {
                MonthlyIncomeEur = a.Resources.MonthlyIncomeEur,
                ReferenceTaxableIncomeEur = a.Resources.ReferenceTaxableIncomeEur,
                ReferenceTaxYear = a.Resources.ReferenceTaxYear,
            },
        CurrentHousing = EnumMapping.ToDomain<Domain.HousingSituation>((int)a.CurrentHousing, $"{prefix}.current_housing", v),
        ReasonCodes = a.ReasonCodes.Select(code => code.Trim()).ToList(),
        Wishes = a.Wishes is null
            ? new Domain.Wishes()
            : new Domain.Wishes
            {
                Typologies = a.Wishes.Typologies
                    .Select((t, i) => EnumMapping.ToDomain<Domain.Typology>((int)t, $"{prefix}.wishes.typologies[{i}]", v))
                    .ToList(),
                CommuneCodes = a.Wishes.CommuneCodes.Select(code => code.Trim().ToUpperInvariant()).ToList(),
                Category = EnumMapping.ToDomain<Domain.DwellingCategory>((int)a.Wishes.Category, $"{prefix}.wishes.category", v),
                BroaderSearchAccepted = a.Wishes.BroaderSearchAccepted,
            },
        Disability = a.Disability is null
            ? new Domain.DisabilityNeeds()
            : new Domain.DisabilityNeeds
            {
                WheelchairAccessRequired = a.Disability.WheelchairAccessRequired,
                AdaptedDwellingRequired = a.Disability.AdaptedDwellingRequired,
                Details = a.Disability.Details.Trim(),
            },
        Priority = a.Priority is null
            ? new Domain.Priority()
            : new Domain.Priority
            {
                DaloStatus = EnumMapping.ToDomain<Domain.DaloStatus>((int)a.Priority.DaloStatus, $"{prefix}.priority.dalo_status", v),
                PriorityPublic = a.Priority.PriorityPublic,
            },
        CurrentDwelling = a.CurrentDwelling is null
            ? Domain.CurrentDwelling.Unknown
            : new Domain.CurrentDwelling(
                a.CurrentDwelling.HasMainRooms ? a.CurrentDwelling.MainRooms : null,
                a.CurrentDwelling.HasMonthlyRentEur ? a.CurrentDwelling.MonthlyRentEur : null),
    };

    public static void CopyToProto(Domain.Household h, V1.Application a)
    {
        a.Applicant = PersonToProto(h.Applicant);
        a.CoApplicant = h.CoApplicant is null ? null : PersonToProto(h.CoApplicant);
        a.CoApplicantLink = (V1.CoApplicantLink)(int)h.CoApplicantLink;
        a.FamilySituation = (V1.FamilySituation)(int)h.FamilySituation;
        a.HouseholdMembers.Add(h.Members.Select(m => new V1.HouseholdMember
        {
            LastName = m.LastName,
            FirstNames = { m.FirstNames },
            Sex = (V1.Sex)(int)m.Sex,
            BirthDate = DateMapping.ToProto(m.BirthDate),
            Relationship = (V1.Relationship)(int)m.Relationship,
        }));
        a.Resources = new V1.Resources
        {
            MonthlyIncomeEur = h.Resources.MonthlyIncomeEur,
            ReferenceTaxableIncomeEur = h.Resources.ReferenceTaxableIncomeEur,
            ReferenceTaxYear = h.Resources.ReferenceTaxYear,
        };
        a.CurrentHousing = (V1.HousingSituation)(int)h.CurrentHousing;
        a.ReasonCodes.Add(h.ReasonCodes);
        a.Wishes = new V1.Wishes
        {
            Typologies = { h.Wishes.Typologies.Select(t => (V1.Typology)(int)t) },
            CommuneCodes = { h.Wishes.CommuneCodes },
            Category = (V1.DwellingCategory)(int)h.Wishes.Category,
            BroaderSearchAccepted = h.Wishes.BroaderSearchAccepted,
        };
        a.Disability = new V1.DisabilityNeeds
        {
            WheelchairAccessRequired = h.Disability.WheelchairAccessRequired,
            AdaptedDwellingRequired = h.Disability.AdaptedDwellingRequired,
            Details = h.Disability.Details,
        };
        a.Priority = new V1.Priority { DaloStatus = (V1.DaloStatus)(int)h.Priority.DaloStatus, PriorityPublic = h.Priority.PriorityPublic };
        a.CurrentDwelling = DwellingToProto(h.CurrentDwelling);
    }

    /// <summary>Unset when nothing is known, so a reader sees no empty message; each known fact with its presence.</summary>
    private static V1.CurrentDwellingFacts? DwellingToProto(Domain.CurrentDwelling d)
    {
        if (d.Rooms is null && d.MonthlyRentEur is null)
        {
            return null;
        }

        var facts = new V1.CurrentDwellingFacts();
        if (d.Rooms is { } rooms)
        {
            facts.MainRooms = rooms;
        }

        if (d.MonthlyRentEur is { } rent)
        {
            facts.MonthlyRentEur = rent;
        }

        return facts;
    }

    public static Domain.Person PersonOf(V1.Person p, string path, Violations v) => new()
    {
        LastName = p.LastName.Trim(),
        BirthName = p.BirthName.Trim(),
        FirstNames = p.FirstNames.Select(name => name.Trim()).ToList(),
        Sex = EnumMapping.ToDomain<Domain.Sex>((int)p.Sex, $"{path}.sex", v),
        BirthDate = DateMapping.ToDateOnly(p.BirthDate, $"{path}.birth_date", v),
        BirthCommuneCode = p.BirthPlace?.PlaceCase == V1.BirthPlace.PlaceOneofCase.CommuneCode ? p.BirthPlace.CommuneCode.Trim().ToUpperInvariant() : "",
        BirthCountryCode = p.BirthPlace?.PlaceCase == V1.BirthPlace.PlaceOneofCase.CountryCode ? p.BirthPlace.CountryCode.Trim() : "",
        BirthPlaceText = p.BirthPlace?.PlaceCase == V1.BirthPlace.PlaceOneofCase.FreeText ? p.BirthPlace.FreeText.Trim() : "",
        NationalityClass = EnumMapping.ToDomain<Domain.NationalityClass>((int)p.NationalityClass, $"{path}.nationality_class", v),
        Nir = p.Nir.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(),
        Contact = p.Contact is null
            ? new Domain.Contact()
            : new Domain.Contact
            {
                Email = p.Contact.Email.Trim(),
                Phone = p.Contact.Phone.Trim(),
                AddressLines = p.Contact.Address?.Lines.Select(line => line.Trim()).ToList() ?? [],
                PostalCode = p.Contact.Address?.PostalCode.Trim() ?? "",
                City = p.Contact.Address?.City.Trim() ?? "",
                CommuneCode = p.Contact.Address?.CommuneCode.Trim().ToUpperInvariant() ?? "",
            },
    };

    private static V1.Person PersonToProto(Domain.Person p)
    {
        var person = new V1.Person
        {
            LastName = p.LastName,
            BirthName = p.BirthName,
            FirstNames = { p.FirstNames },
            Sex = (V1.Sex)(int)p.Sex,
            BirthDate = DateMapping.ToProto(p.BirthDate),
            NationalityClass = (V1.NationalityClass)(int)p.NationalityClass,
            Nir = p.Nir,
            Contact = new V1.Contact
            {
                Email = p.Contact.Email,
                Phone = p.Contact.Phone,
                Address = new V1.PostalAddress
                {
                    Lines = { p.Contact.AddressLines },
                    PostalCode = p.Contact.PostalCode,
                    City = p.Contact.City,
                    CommuneCode = p.Contact.CommuneCode,
                },
            },
        };
        if (p.BirthCommuneCode.Length > 0)
        {
            person.BirthPlace = new V1.BirthPlace { CommuneCode = p.BirthCommuneCode };
        }
        else if (p.BirthCountryCode.Length > 0)
        {
            person.BirthPlace = new V1.BirthPlace { CountryCode = p.BirthCountryCode };
        }
        else if (p.BirthPlaceText.Length > 0)
        {
            person.BirthPlace = new V1.BirthPlace { FreeText = p.BirthPlaceText };
        }

        return person;
    }

    private static Domain.HouseholdMember MemberOf(V1.HouseholdMember m, string path, Violations v) => new()
    {
        LastName = m.LastName.Trim(),
        FirstNames = m.FirstNames.Select(name => name.Trim()).ToList(),
        Sex = EnumMapping.ToDomain<Domain.Sex>((int)m.Sex, $"{path}.sex", v),
        BirthDate = DateMapping.ToDateOnly(m.BirthDate, $"{path}.birth_date", v),
        Relationship = EnumMapping.ToDomain<Domain.Relationship>((int)m.Relationship, $"{path}.relationship", v),
    };
}
