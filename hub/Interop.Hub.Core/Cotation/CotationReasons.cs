namespace Interop.Hub.Core.Cotation;

/// <summary>Error reasons of cotation refusals (the <c>ErrorInfo.reason</c> a client reads).</summary>
public static class CotationReasons
{
    /// <summary>A grid file was refused; the field violations name each JSON path and line.</summary>
    public const string InvalidGrid = "INVALID_GRID";

    /// <summary>A grid version overlaps or repeats a version already published for the same grid.</summary>
    public const string OverlappingVersion = "OVERLAPPING_GRID_VERSION";
}
