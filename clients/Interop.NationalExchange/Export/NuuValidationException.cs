namespace Interop.NationalExchange.Export;

/// <summary>A written file did not pass the schema: it was not published, nothing was recorded or acknowledged.</summary>
public sealed class NuuValidationException : Exception
{
    /// <summary>Creates the exception with the validator's messages.</summary>
    /// <param name="fileName">The file that was refused.</param>
    /// <param name="errors">The validator's messages ("line L, position P: …").</param>
    public NuuValidationException(string fileName, IReadOnlyList<string> errors)
        : base($"{fileName} does not validate against the national export schema: {string.Join("; ", errors.Take(10))}")
    {
        Errors = errors;
    }

    /// <summary>Every message of the validator.</summary>
    public IReadOnlyList<string> Errors { get; }
}
