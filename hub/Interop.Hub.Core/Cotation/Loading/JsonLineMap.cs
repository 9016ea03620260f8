using System.Globalization;
using System.Text.Json;
using Interop.Hub.Core.Errors;

namespace Interop.Hub.Core.Cotation.Loading;

/// <summary>
/// The line of every value of a JSON text, by JSON path (<c>$.rubrics[0].criteria[2].points</c>), so that
/// errors found after parsing still name the line a grid's author must fix: JsonDocument keeps no
/// positions, and Utf8JsonReader gives byte offsets only.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLineMap()
    {
    }

    /// <summary>Maps a text that already parsed (the caller parsed it first, so no token here can fail).</summary>
    public static JsonLineMap Build(ReadOnlySpan<byte> json, JsonReaderOptions options)
    {
        var map = new JsonLineMap();
        var newlines = new List<long>();
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }

        int LineAt(long offset)
        {
            var index = newlines.BinarySearch(offset);
            return (index < 0 ? ~index : index) + 1;
        }

        // Each frame is the path of an open object or array; for arrays, the index of the last element seen.
        var frames = new Stack<(string Path, bool IsArray, int Index)>();
        string? property = null;
        var reader = new Utf8JsonReader(json, options);
        while (reader.Read())
        {
            var line = LineAt(reader.TokenStartIndex);
            var text = reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String ? Decode(ref reader, line) : null;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = frames.Peek().Path + "." + text;
                    map._lines.TryAdd(property, line);
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.Pop();
                    continue;
                default:
                    break;
            }

            var path = ValuePath(frames, property, line, map);
            property = null;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                frames.Push((path, reader.TokenType == JsonTokenType.StartArray, -1));
            }
        }

        return map;
    }

    /// <summary>
    /// The text of a string or property name. JSON lets an escape name half a surrogate pair
    /// (<c>"\ud800"</c>), which parses but cannot become a .NET string: refused here, with its line,
    /// so that no later read of the document meets it.
    /// </summary>
    private static string Decode(ref Utf8JsonReader reader, int line)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new ValidationException("$", string.Create(CultureInfo.InvariantCulture, $"line {line}: a string holds an invalid Unicode escape (half a surrogate pair)."), ErrorReasons.InvalidGrid);
        }
    }

    private static string ValuePath(Stack<(string Path, bool IsArray, int Index)> frames, string? property, int line, JsonLineMap map)
    {
        if (frames.Count == 0)
        {
            map._lines.TryAdd("$", line);
            return "$";
        }

        var top = frames.Peek();
        if (!top.IsArray)
        {
            return property!;
        }

        frames.Pop();
        frames.Push(top with { Index = top.Index + 1 });
        var path = Element(top.Path, top.Index + 1);
        map._lines.TryAdd(path, line);
        return path;
    }

    public static string Element(string array, int index) => string.Create(CultureInfo.InvariantCulture, $"{array}[{index}]");

    /// <summary>The line of <paramref name="path"/>, or of its nearest ancestor present (a missing field: its object).</summary>
    public int LineOf(string path)
    {
        var current = path;
        while (true)
        {
            if (_lines.TryGetValue(current, out var line))
            {
                return line;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 0)
            {
                return 1;
            }

            current = current[..cut];
        }
    }
}
