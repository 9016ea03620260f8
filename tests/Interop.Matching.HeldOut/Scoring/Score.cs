namespace Interop.Matching.HeldOut.Scoring;

/// <summary>Precision and recall of one set of linked pairs against the true pairs.</summary>
internal sealed record Score(string Label, int Linked, int Correct, int TruePairs)
{
    public double Precision => Linked == 0 ? 0 : (double)Correct / Linked;

    public double Recall => TruePairs == 0 ? 0 : (double)Correct / TruePairs;
}
