namespace Interop.NationalExchange.Export;

/// <summary>A national file did not pass its schema: an export file is not published (nothing recorded or acknowledged); a return file applies nothing.</summary>
public sealed class NuuValidationException : Exception
{
    /// <summary>Creates the exception with the validator's messages.</summary>
    /// <param name="fileName">The file that was refused.</param>
    /// <param name="errors">The validator's messages ("line L, position P: …").</param>
    /// <param name="schema">The schema it was checked against, as the message names it.</param>
    public NuuValidationException(string fileName, IReadOnlyList<string> errors, string schema = "the national export schema")
        : base($"{fileName} does not validate against {schema}: {string.Join("; ", errors.Take(10))}")
    {
        Errors = errors;
    }

    /// <summary>Every message of the validator.</summary>
    public IReadOnlyList<string> Errors { get; }
}
