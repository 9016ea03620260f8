using Interop.Hub.Core.Validation;

namespace Interop.Hub.Core.Cotation.Loading;

/// <summary>
/// Every problem of one grid file, each naming its JSON path and its line, gathered before refusing the
/// file so that its author fixes them all in one pass.
/// </summary>
internal sealed class GridErrors(JsonLineMap lines)
{
    public Violations Violations { get; } = new();

    public void Add(string path, string message) => Violations.Add(path, $"line {lines.LineOf(path)}: {message}");
}
