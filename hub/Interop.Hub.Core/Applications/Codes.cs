namespace Interop.Hub.Core.Applications;

// The code lists of the domain. Numeric values mirror the contract's enums
// (protos/interop/v1/codes.proto) one to one, so mapping is a cast; a unit test
// holds the two in step. 0 is always "not given", which validation refuses
// where a value is required.

public enum Sex { Unspecified = 0, Male = 1, Female = 2 }

public enum NationalityClass { Unspecified = 0, French = 1, EuropeanUnion = 2, OutsideEuropeanUnion = 3 }

public enum FamilySituation { Unspecified = 0, Single = 1, Married = 2, Divorced = 3, Separated = 4, CivilPartnership = 5, Cohabiting = 6, Widowed = 7 }

public enum CoApplicantLink { Unspecified = 0, Spouse = 1, CivilPartner = 2, Cohabitant = 3, CoTenant = 4 }

public enum Relationship { Unspecified = 0, Parent = 1, Child = 2, Other = 3 }

public enum HousingSituation
{
    Unspecified = 0,
    SocialTenant = 1,
    PrivateTenant = 2,
    SocialResidence = 3,
    SocialHotelResidence = 4,
    StudentResidence = 5,
    TemporarySubtenant = 6,
    Shelter = 7,
    ChildWelfareCentre = 8,
    WithParentsOrChildren = 9,
    HostedByPrivatePerson = 10,
    FreeLodging = 11,
    TiedHousing = 12,
    OwnerOccupier = 13,
    CampingCaravan = 14,
    Hotel = 15,
    Homeless = 16,
    Squat = 17,
}

public enum Typology { Unspecified = 0, Room = 1, T1 = 2, T2 = 3, T3 = 4, T4 = 5, T5 = 6, T6Plus = 7 }

public enum DwellingCategory { Unspecified = 0, Apartment = 1, House = 2, Any = 3 }

public enum DaloStatus { Unspecified = 0, None = 1, Active = 2, Lapsed = 3, Rehoused = 4 }

public enum ApplicationStatus { Unspecified = 0, Active = 1, Radiated = 2, Merged = 3, Erased = 4 }

public enum RadiationReason { Unspecified = 0, Attribution = 1, Renunciation = 2, NoAnswer = 3, Inadmissibility = 4, NotRenewed = 5 }

public enum InadmissibilityReason { Unspecified = 0, IncomeAboveCeiling = 1, IrregularResidence = 2 }
