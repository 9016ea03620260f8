using System.Globalization;
using System.Text.Json;
using Interop.Hub.Core.Validation;

namespace Interop.Hub.Core.Cotation.Loading;

/// <summary>
/// One JSON object of a grid file with its path: typed reads that report a missing field, a wrong type or
/// an unknown field to <see cref="GridErrors"/> and return null, so loading carries on and reports everything.
/// </summary>
internal readonly record struct GridNode(JsonElement Element, string Path, GridErrors Errors)
{
    public const int MaxText = 200;

    public const int MaxDescription = 2_000;

    public string PathOf(string field) => Path + "." + field;

    /// <summary>Refuses fields outside <paramref name="allowed"/> and fields given twice.</summary>
    public void OnlyFields(IReadOnlyCollection<string> allowed)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in Element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                Errors.Add(PathOf(property.Name), $"unknown field {Violations.Quote(property.Name)}; expected one of: {string.Join(", ", allowed)}.");
            }
            else if (!seen.Add(property.Name))
            {
                Errors.Add(PathOf(property.Name), $"field {Violations.Quote(property.Name)} is given twice.");
            }
        }
    }

    public bool Has(string field) => Element.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null;

    public JsonElement? Get(string field, bool required)
    {
        if (Element.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        if (required)
        {
            Errors.Add(PathOf(field), $"the field {Violations.Quote(field)} is required.");
        }

        return null;
    }

    public string? Text(string field, bool required, int maxLength = MaxText)
    {
        if (Get(field, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Errors.Add(PathOf(field), "must be a string.");
            return null;
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0 || text.Length > maxLength || text.Any(char.IsControl))
        {
            Errors.Add(PathOf(field), $"must be 1 to {maxLength} characters without control characters.");
            return null;
        }

        return text;
    }

    public decimal? Number(string field, bool required, decimal min, decimal max)
    {
        if (Get(field, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            Errors.Add(PathOf(field), "must be a number.");
            return null;
        }

        if (number < min || number > max)
        {
            Errors.Add(PathOf(field), string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}; got {number}."));
            return null;
        }

        return number;
    }

    public int? Integer(string field, bool required, int min, int max)
    {
        var number = Number(field, required, min, max);
        if (number is { } value && value != decimal.Truncate(value))
        {
            Errors.Add(PathOf(field), "must be a whole number.");
            return null;
        }

        return number is null ? null : (int)number.Value;
    }

    public DateOnly? Date(string field, bool required)
    {
        if (Get(field, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            Errors.Add(PathOf(field), "must be a date written YYYY-MM-DD.");
            return null;
        }

        return day;
    }

    public GridNode? Object(string field, bool required)
    {
        if (Get(field, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Errors.Add(PathOf(field), "must be an object.");
            return null;
        }

        return new GridNode(value, PathOf(field), Errors);
    }

    /// <summary>The elements of an array field, each with its path; null when absent, empty or not an array.</summary>
    public IReadOnlyList<(JsonElement Element, string Path)>? Array(string field, bool required, int maxItems)
    {
        if (Get(field, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0 || value.GetArrayLength() > maxItems)
        {
            Errors.Add(PathOf(field), $"must be a list of 1 to {maxItems} items.");
            return null;
        }

        var arrayPath = PathOf(field);
        return value.EnumerateArray().Select((item, index) => (item, JsonLineMap.Element(arrayPath, index))).ToList();
    }

    /// <summary>An array of objects.</summary>
    public IReadOnlyList<GridNode> Objects(string field, bool required, int maxItems)
    {
        var nodes = new List<GridNode>();
        foreach (var (element, path) in Array(field, required, maxItems) ?? [])
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Errors.Add(path, "must be an object.");
                continue;
            }

            nodes.Add(new GridNode(element, path, Errors));
        }

        return nodes;
    }

    /// <summary>An array of distinct codes each accepted by <paramref name="isKnown"/>.</summary>
    public IReadOnlyList<string>? Codes(string field, bool required, int maxItems, Func<string, bool> isKnown, string expected)
    {
        if (Array(field, required, maxItems) is not { } items)
        {
            return null;
        }

        var codes = new List<string>();
        var ok = true;
        foreach (var (element, path) in items)
        {
            var code = element.ValueKind == JsonValueKind.String ? element.GetString()! : null;
            if (code is null || !isKnown(code))
            {
                Errors.Add(path, $"unknown code {Violations.Quote(code ?? element.GetRawText())}; expected {expected}.");
                ok = false;
            }
            else if (codes.Contains(code))
            {
                Errors.Add(path, $"code {Violations.Quote(code)} is listed twice.");
                ok = false;
            }
            else
            {
                codes.Add(code);
            }
        }

        return ok ? codes : null;
    }

    /// <summary>A string field whose value must be one of <paramref name="names"/>.</summary>
    public T? Choice<T>(string field, bool required, IReadOnlyDictionary<string, T> names)
        where T : struct
    {
        if (Get(field, required) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && names.TryGetValue(value.GetString()!, out var choice))
        {
            return choice;
        }

        Errors.Add(PathOf(field), $"unknown value {Violations.Quote(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())}; expected one of: {string.Join(", ", names.Keys)}.");
        return null;
    }
}
