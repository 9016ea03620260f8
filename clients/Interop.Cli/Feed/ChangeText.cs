using Interop.Cli.Output;
using Interop.Contracts.V1;

namespace Interop.Cli.Feed;

/// <summary>One change as a person reads it in <c>feed tail</c>: time, position, kind, application, revision, who.</summary>
internal static class ChangeText
{
    public static string Line(Change change) =>
        $"{Dates.Format(change.ChangeTime)}  #{change.ChangeSeq,-8} {CodeNames.Of(change.Kind),-16} {change.Application,-32} rev {change.Revision,-4} {change.Actor}".TrimEnd();
}
