using System.Globalization;
using Interop.Matching.HeldOut.Population;

namespace Interop.Matching.HeldOut.Records;

/// <summary>The generated set: every application as a CSV row, in a shuffled order, with its person and errors.</summary>
internal sealed class HeldOutSet
{
    private HeldOutSet(List<ApplicantRecord> records, IReadOnlyList<Person> people, IReadOnlyList<Relation> relations)
    {
        Records = records;
        People = people;
        Relations = relations;
    }

    public IReadOnlyList<ApplicantRecord> Records { get; }

    public IReadOnlyList<Person> People { get; }

    public IReadOnlyList<Relation> Relations { get; }

    public static HeldOutSet Generate(int seed, int records, GivenNames givenNames, Geography geography)
    {
        var random = new Random(seed);
        var surnames = new Surnames(random, tailSize: Math.Max(2_000, records / 3));

        // ~11,000 true pairs in 28,000 records, as the independent set the issue describes.
        var builder = new PopulationBuilder(random, givenNames, surnames, geography);
        builder.Build(records, (int)Math.Round(records * 11.0 / 28.0));
        var renderer = new RecordRenderer(random);
        var contactMaker = new ContactMaker(random);
        var rows = new List<ApplicantRecord>();
        foreach (var person in builder.People)
        {
            var marriedBetween = person is { SpouseSurname: not null, Applications: > 1 } && random.NextDouble() < ErrorRates.MarriedBetween;
            person.MarriedBetweenApplications = marriedBetween;
            var contacts = person.Contacts;
            for (var application = 0; application < person.Applications; application++)
            {
                if (application > 0)
                {
                    contacts = Evolve(random, contactMaker, geography, person, contacts);
                }

                var married = person.SpouseSurname is not null && !(marriedBetween && application == 0);
                rows.Add(renderer.Render(person, contacts, married));
            }
        }

        for (var i = rows.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].RecordId = "H" + (i + 1).ToString("D6", CultureInfo.InvariantCulture);
        }

        return new HeldOutSet(rows, builder.People, builder.Relations);
    }

    private static Contacts Evolve(Random random, ContactMaker maker, Geography geography, Person person, Contacts before)
    {
        var home = random.NextDouble() < ErrorRates.Moved ? geography.DrawMove(random, before.Home) : before.Home;
        var email = random.NextDouble() < ErrorRates.EmailChanged
            ? maker.Email(person.FirstNames[0], person.UseSurname, person.BirthDate.Year)
            : before.Email;
        var phone = random.NextDouble() < ErrorRates.PhoneChanged ? maker.Phone() : before.Phone;
        return new Contacts(email, phone, home);
    }
}
