namespace Interop.Client;

/// <summary>An active application the hub holds for the same household.</summary>
/// <param name="ResourceName">Its name, <c>applications/{number}</c>.</param>
/// <param name="Explanation">Why the hub judged it the same household (the matching's explanation).</param>
public sealed record ExistingApplication(string ResourceName, string Explanation)
{
    /// <summary>The <i>numéro unique</i> of the existing application (the resource name without <c>applications/</c>).</summary>
    public string Number => ResourceName.StartsWith("applications/", StringComparison.Ordinal) ? ResourceName["applications/".Length..] : ResourceName;
}
