namespace Interop.Hub.Core.Matching;

/// <summary>One line of an explanation: a field, how well it agrees, what it weighs, and the two values compared.</summary>
public sealed record FieldComparison(MatchField Field, MatchLevel Level, double Weight, string Left, string Right)
{
    public override string ToString() =>
        $"{Explanations.FieldName(Field)} : {Explanations.LevelName(Level)} ({Show(Left)} / {Show(Right)}) {Weight:+0.0;-0.0;0.0}";

    private static string Show(string value) => value.Length == 0 ? "—" : value;
}
