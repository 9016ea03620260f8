using System.Collections;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Observatory;

/// <summary>
/// What changed between two states of an application, leaf by leaf, in the
/// paths of the contract's <c>Application</c> message. Read from the message
/// descriptors, so a field added to the contract is diffed without a change here.
/// </summary>
internal static class FieldDiff
{
    // Fields that move at every revision or never: the change itself says them.
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "name", "number", "revision", "create_time", "update_time" };

    public static IReadOnlyList<V1.FieldChange> Between(V1.Application? before, V1.Application? after)
    {
        var old = Flatten(before);
        var now = Flatten(after);
        var changes = new List<V1.FieldChange>();
        foreach (var (path, value) in now)
        {
            var previous = old.GetValueOrDefault(path);
            if (!Equals(previous, value))
            {
                changes.Add(new V1.FieldChange { Field = path, OldValue = previous, NewValue = value });
            }
        }

        changes.AddRange(old.Where(pair => !now.ContainsKey(pair.Key)).Select(pair => new V1.FieldChange { Field = pair.Key, OldValue = pair.Value }));
        return changes;
    }

    private static Dictionary<string, Value> Flatten(V1.Application? application)
    {
        // Insertion order is the contract's declaration order: changes list in it.
        var leaves = new Dictionary<string, Value>(StringComparer.Ordinal);
        if (application is not null)
        {
            Flatten(application, "", leaves);
        }

        return leaves;
    }

    private static void Flatten(IMessage message, string prefix, Dictionary<string, Value> leaves)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (prefix.Length == 0 && Skipped.Contains(field.Name))
            {
                continue;
            }

            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    Leaf(field.MessageType.FindFieldByNumber(2), entry.Value, $"{path}[{entry.Key}]", leaves);
                }
            }
            else if (field.IsRepeated)
            {
                var index = 0;
                foreach (var element in (IList)value)
                {
                    Leaf(field, element, $"{path}[{index++}]", leaves);
                }
            }
            else if (field.FieldType != FieldType.Message && field.HasPresence && field.RealContainingOneof is null)
            {
                // proto3 `optional` scalars: set is a value, even 0 (a rent of 0 €), unset is none.
                if (field.Accessor.HasValue(message))
                {
                    leaves[path] = Present(field, value);
                }
            }
            else if (field.FieldType != FieldType.Message || field.Accessor.HasValue(message))
            {
                Leaf(field, value, path, leaves);
            }
        }
    }

    private static Value Present(FieldDescriptor field, object value) => field.FieldType switch
    {
        FieldType.String => Value.ForString((string)value),
        FieldType.Bool => Value.ForBool((bool)value),
        FieldType.Enum => Value.ForString(field.EnumType.FindValueByNumber((int)value)?.Name ?? ((int)value).ToString(CultureInfo.InvariantCulture)),
        FieldType.Bytes => Value.ForString(((ByteString)value).ToBase64()),
        _ => Value.ForNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
    };

    private static void Leaf(FieldDescriptor field, object? value, string path, Dictionary<string, Value> leaves)
    {
        switch (value)
        {
            case null:
                return;
            case Google.Type.Date date:
                leaves[path] = Value.ForString(new DateOnly(date.Year, date.Month, date.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                return;
            case Timestamp timestamp:
                leaves[path] = Value.ForString(timestamp.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
                return;
            case IMessage nested:
                Flatten(nested, path + ".", leaves);
                return;
        }

        // proto3 scalars without presence: the default is "not set", as in the JSON mapping.
        var leaf = field.FieldType switch
        {
            FieldType.String => (string)value is { Length: > 0 } text ? Value.ForString(text) : null,
            FieldType.Bool => (bool)value ? Value.ForBool(true) : null,
            FieldType.Enum => (int)value == 0 ? null : Value.ForString(field.EnumType.FindValueByNumber((int)value)?.Name ?? ((int)value).ToString(CultureInfo.InvariantCulture)),
            FieldType.Bytes => ((ByteString)value).IsEmpty ? null : Value.ForString(((ByteString)value).ToBase64()),
            _ => Convert.ToDouble(value, CultureInfo.InvariantCulture) == 0 ? null : Value.ForNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        };
        if (leaf is not null)
        {
            leaves[path] = leaf;
        }
    }
}
