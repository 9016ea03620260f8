namespace Interop.Matching.HeldOut.Population;

/// <summary>
/// Builds people one by one, each sometimes bringing a hard negative (namesake, twin, child with the same names,
/// husband sharing her contacts), and gives each a number of applications (1, 2 or 3).
/// </summary>
internal sealed class PopulationBuilder(Random random, GivenNames givenNames, Surnames surnames, Geography geography)
{
    // "Today" for ages: fixed, so that a seed always gives the same set.
    private const int ThisYear = 2026;

    private readonly ContactMaker _contacts = new(random);
    private readonly List<Person> _people = [];
    private readonly List<Relation> _relations = [];

    public IReadOnlyList<Person> People => _people;

    public IReadOnlyList<Relation> Relations => _relations;

    /// <summary>Adds people until their applications reach <paramref name="records"/>, about <paramref name="truePairs"/> of them pairs of one person.</summary>
    public void Build(int records, int truePairs)
    {
        // With 10 % of duplicated people applying three times: pairs = P·q2·4/3 and records = P·(1 + q2·11/9).
        var ratio = (double)truePairs / records;
        var twice = ratio / (4.0 / 3 - 11.0 / 9 * ratio);
        var thrice = twice / 9;
        var applications = 0;
        while (applications < records)
        {
            var start = _people.Count;
            AddWithNegatives();
            for (var i = start; i < _people.Count; i++)
            {
                var draw = random.NextDouble();
                _people[i].Applications = draw < thrice ? 3 : draw < thrice + twice ? 2 : 1;
                applications += _people[i].Applications;
            }
        }
    }

    private void AddWithNegatives()
    {
        var person = Add(NewPerson(null, null));
        if (random.NextDouble() < NegativeRates.Namesake)
        {
            Relate(person, Add(Namesake(person)), RelationKind.Namesake);
        }

        if (random.NextDouble() < NegativeRates.Twin)
        {
            Relate(person, Add(Twin(person)), RelationKind.Twin);
        }

        if (person.BirthDate.Year <= 1975 && random.NextDouble() < NegativeRates.ParentChild)
        {
            Relate(person, Add(Child(person)), RelationKind.ParentChild);
        }

        if (person is { SpouseSurname: not null, Widowed: false } && random.NextDouble() < NegativeRates.Spouse)
        {
            Relate(person, Add(Husband(person)), RelationKind.Spouse);
        }
    }

    private Person NewPerson(char? sex, int? year)
    {
        var chosenSex = sex ?? (random.NextDouble() < 0.52 ? 'F' : 'M');
        var birthDate = RandomDate(year ?? BirthYear());
        var names = FirstNames(chosenSex, birthDate.Year, []);
        var surname = surnames.Draw(random);
        var (place, nationality) = NewBirthPlace();
        var person = new Person
        {
            Id = _people.Count + 1,
            Sex = chosenSex,
            FirstNames = names,
            BirthSurname = surname,
            BirthDate = birthDate,
            BirthPlace = place,
            Nationality = nationality,
            Contacts = new Contacts(
                _contacts.Email(names[0], surname, birthDate.Year), _contacts.Phone(), geography.Draw(random)),
        };
        var age = ThisYear - birthDate.Year;
        if (chosenSex == 'F' && age >= 22 && random.NextDouble() < NegativeRates.Married)
        {
            person.SpouseSurname = OtherSurname(surname);
            person.Widowed = age >= 60 && random.NextDouble() < NegativeRates.Widowed;
        }

        return person;
    }

    private Person Namesake(Person of)
    {
        DateOnly date;
        do
        {
            date = RandomDate(of.BirthDate.Year);
        }
        while (date.Day == of.BirthDate.Day || date.Month == of.BirthDate.Month);

        BirthPlace place;
        do
        {
            place = NewBirthPlace().Place;
        }
        while (place.Code == of.BirthPlace.Code);

        var surname = of.UseSurname;
        return new Person
        {
            Id = _people.Count + 1,
            Sex = of.Sex,
            FirstNames = of.FirstNames,
            BirthSurname = surname,
            BirthDate = date,
            BirthPlace = place,
            Nationality = "FR",
            Contacts = new Contacts(_contacts.Email(of.FirstNames[0], surname, date.Year), _contacts.Phone(), geography.Draw(random)),
        };
    }

    private Person Twin(Person of)
    {
        var sex = random.NextDouble() < 0.6 ? of.Sex : (of.Sex == 'F' ? 'M' : 'F');
        var names = FirstNames(sex, of.BirthDate.Year, of.FirstNames);
        var twin = new Person
        {
            Id = _people.Count + 1,
            Sex = sex,
            FirstNames = names,
            BirthSurname = of.BirthSurname,
            BirthDate = of.BirthDate,
            BirthPlace = of.BirthPlace,
            Nationality = of.Nationality,
            Contacts = new Contacts(
                random.NextDouble() < NegativeRates.TwinSharesEmail ? of.Contacts.Email : _contacts.Email(names[0], of.BirthSurname, of.BirthDate.Year),
                random.NextDouble() < NegativeRates.TwinSharesPhone ? of.Contacts.Phone : _contacts.Phone(),
                of.Contacts.Home),
        };
        if (sex == 'F' && random.NextDouble() < NegativeRates.Married / 2)
        {
            twin.SpouseSurname = OtherSurname(of.BirthSurname);
        }

        return twin;
    }

    private Person Child(Person parent)
    {
        var year = Math.Min(parent.BirthDate.Year + random.Next(20, 41), ThisYear - 18);
        var date = RandomDate(year);
        var place = random.NextDouble() < 0.5 ? parent.BirthPlace : NewBirthPlace().Place;
        return new Person
        {
            Id = _people.Count + 1,
            Sex = parent.Sex,
            FirstNames = parent.FirstNames,
            BirthSurname = parent.UseSurname,
            BirthDate = date,
            BirthPlace = place,
            Nationality = "FR",
            Contacts = new Contacts(
                random.NextDouble() < NegativeRates.ChildSharesEmail ? parent.Contacts.Email : _contacts.Email(parent.FirstNames[0], parent.UseSurname, year),
                random.NextDouble() < NegativeRates.ChildSharesPhone ? parent.Contacts.Phone : _contacts.Phone(),
                parent.Contacts.Home),
        };
    }

    private Person Husband(Person wife)
    {
        var year = Math.Min(wife.BirthDate.Year + random.Next(-3, 8), ThisYear - 18);
        var names = FirstNames('M', year, []);
        var surname = wife.SpouseSurname!;
        return new Person
        {
            Id = _people.Count + 1,
            Sex = 'M',
            FirstNames = names,
            BirthSurname = surname,
            BirthDate = RandomDate(year),
            BirthPlace = NewBirthPlace().Place,
            Nationality = "FR",
            Contacts = new Contacts(
                random.NextDouble() < NegativeRates.SpouseSharesEmail ? wife.Contacts.Email : _contacts.Email(names[0], surname, year),
                random.NextDouble() < NegativeRates.SpouseSharesPhone ? wife.Contacts.Phone : _contacts.Phone(),
                wife.Contacts.Home),
        };
    }

    private Person Add(Person person)
    {
        _people.Add(person);
        return person;
    }

    private void Relate(Person a, Person b, RelationKind kind) => _relations.Add(new Relation(a.Id, b.Id, kind));

    /// <summary>One to three given names, none of them among <paramref name="sibling"/>'s (a twin's are all other names).</summary>
    private List<string> FirstNames(char sex, int year, IReadOnlyList<string> sibling)
    {
        var count = random.NextDouble() switch { < 0.45 => 1, < 0.83 => 2, _ => 3 };
        var names = new List<string>();
        for (var attempt = 0; names.Count < count && attempt < 20; attempt++)
        {
            var name = givenNames.Draw(random, sex, year);
            if (!names.Contains(name) && !sibling.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private string OtherSurname(string surname)
    {
        string other;
        do
        {
            other = surnames.Draw(random);
        }
        while (other == surname);

        return other;
    }

    private (BirthPlace Place, string Nationality) NewBirthPlace()
    {
        if (random.NextDouble() < NegativeRates.BornAbroad)
        {
            var countries = new WeightedList<Country>();
            foreach (var c in Countries.All)
            {
                countries.Add(c, c.Weight);
            }

            var country = countries.Draw(random);
            return (new BirthPlace(country.InseeCode, country.Name, true, null, null), random.NextDouble() < 0.7 ? country.Nationality : "FR");
        }

        if (random.NextDouble() < NegativeRates.BornInFormerCommune)
        {
            var merged = geography.DrawMerged(random);
            if (merged.IsMerged)
            {
                var former = merged.Former[random.Next(merged.Former.Count)];
                return (new BirthPlace(merged.Code, merged.Name, false, former.Code, former.Name), "FR");
            }
        }

        var commune = geography.Draw(random);
        return (new BirthPlace(commune.Code, commune.Name, false, null, null), random.NextDouble() < 0.97 ? "FR" : "IT");
    }

    private int BirthYear()
    {
        var age = random.NextDouble() switch
        {
            < 0.25 => random.Next(18, 30),
            < 0.65 => random.Next(30, 50),
            < 0.85 => random.Next(50, 65),
            _ => random.Next(65, 91),
        };
        return ThisYear - age;
    }

    private DateOnly RandomDate(int year) => new DateOnly(year, 1, 1).AddDays(random.Next(DateTime.IsLeapYear(year) ? 366 : 365));
}
