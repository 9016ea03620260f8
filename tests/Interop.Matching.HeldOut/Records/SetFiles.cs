using System.Text;

namespace Interop.Matching.HeldOut.Records;

/// <summary>Writes the set: the <c>dedup</c> input, the truth (record → person, with its errors) and the hard negatives.</summary>
internal static class SetFiles
{
    public static void Write(HeldOutSet set, string folder)
    {
        Directory.CreateDirectory(folder);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllLines(
            InputPath(folder), [ApplicantRecord.Header, .. set.Records.Select(r => r.ToCsv())], utf8);
        File.WriteAllLines(
            Path.Combine(folder, "truth.csv"),
            ["record_id,person_id,errors", .. set.Records.Select(r => $"{r.RecordId},P{r.PersonId},{string.Join('|', r.Errors.Order())}")],
            utf8);
        File.WriteAllLines(
            Path.Combine(folder, "hard-negatives.csv"),
            ["person_a,person_b,kind", .. set.Relations.Select(r => $"P{r.PersonA},P{r.PersonB},{r.Kind}")],
            utf8);
    }

    public static string InputPath(string folder) => Path.Combine(folder, "heldout.csv");
}
