using System.Collections;
using CsCheck;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Interop.Hub.Tests.Robustness;

/// <summary>
/// Random requests built from the contract's message descriptors: every field
/// of every message, set or not, with values an integrator might send by
/// mistake (empty, huge, control characters, undeclared enum numbers,
/// impossible dates and instants, unknown mask paths, forged tokens) mixed with
/// real ones, so many requests get deep into the hub before being refused.
/// </summary>
internal sealed class RequestGenerator(KnownValues known)
{
    /// <summary>Nested messages deeper than this are left unset (the contract's deepest request is four levels down).</summary>
    private const int MaxDepth = 6;

    private readonly Dictionary<(string, int), Gen<IMessage>> messages = [];

    /// <summary>Requests of <paramref name="descriptor"/>: half built from nothing, half a valid <paramref name="template"/> with one or two fields changed.</summary>
    public Gen<IMessage> For(MessageDescriptor descriptor, IMessage? template)
    {
        var random = Message(descriptor, 0);
        return template is null ? random : Gen.Frequency((1, random), (1, Mutated(descriptor, template)));
    }

    /// <summary>
    /// The template with one or two of its fields, at any depth, replaced by
    /// generated values (or cleared), under a fresh request id so that the
    /// idempotency check does not answer first.
    /// </summary>
    private Gen<IMessage> Mutated(MessageDescriptor descriptor, IMessage template)
    {
        var mutations = Slots(template, [], 0)
            .Select(slot => (IGen<(Slot Slot, Action<IMessage> Set)>)Field(slot.Field, slot.Depth).Select(set => (slot, set)))
            .ToArray();
        var requestId = descriptor.FindFieldByName("request_id");
        return Gen.Select(Gen.OneOf(mutations).Array[1, 2], Gen.Guid, (changes, id) =>
        {
            var message = descriptor.Parser.ParseFrom(template.ToByteString());
            requestId?.Accessor.SetValue(message, id.ToString());
            foreach (var (slot, set) in changes)
            {
                if (Navigate(message, slot.Path) is { } target)
                {
                    slot.Field.Accessor.Clear(target);
                    set(target);
                }
            }

            return message;
        });
    }

    private static IEnumerable<Slot> Slots(IMessage message, IReadOnlyList<(FieldDescriptor Field, int Index)> path, int depth)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            yield return new Slot(path, field, depth);
            if (field.FieldType != FieldType.Message || field.IsMap || field.MessageType.File.Package != "interop.v1")
            {
                continue;
            }

            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                for (var i = 0; i < list.Count; i++)
                {
                    foreach (var slot in Slots((IMessage)list[i]!, [.. path, (field, i)], depth + 1))
                    {
                        yield return slot;
                    }
                }
            }
            else if (field.Accessor.GetValue(message) is IMessage nested)
            {
                foreach (var slot in Slots(nested, [.. path, (field, -1)], depth + 1))
                {
                    yield return slot;
                }
            }
        }
    }

    /// <summary>The message at <paramref name="path"/>, or null when an earlier change removed it.</summary>
    private static IMessage? Navigate(IMessage message, IReadOnlyList<(FieldDescriptor Field, int Index)> path)
    {
        IMessage? current = message;
        foreach (var (field, index) in path)
        {
            var value = current is null ? null : field.Accessor.GetValue(current);
            current = index < 0 ? value as IMessage : value is IList list && index < list.Count ? list[index] as IMessage : null;
        }

        return current;
    }

    private Gen<IMessage> Message(MessageDescriptor descriptor, int depth)
    {
        if (messages.TryGetValue((descriptor.FullName, depth), out var cached))
        {
            return cached;
        }

        var setters = descriptor.Fields.InDeclarationOrder().Select(field => Field(field, depth)).ToList();
        var gen = Sequence(setters).Select(all =>
        {
            var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
            foreach (var set in all)
            {
                set(message);
            }

            return message;
        });
        messages[(descriptor.FullName, depth)] = gen;
        return gen;
    }

    private Gen<Action<IMessage>> Field(FieldDescriptor field, int depth)
    {
        if (field.IsMap)
        {
            var key = Value(field.MessageType.FindFieldByNumber(1), depth, inList: true);
            var value = Value(field.MessageType.FindFieldByNumber(2), depth, inList: true);
            return Gen.Select(key, value).Array[0, 3].Select(entries => (Action<IMessage>)(message =>
            {
                var map = (IDictionary)field.Accessor.GetValue(message);
                foreach (var (k, v) in entries)
                {
                    map[k] = v;
                }
            }));
        }

        if (field.IsRepeated)
        {
            var element = Value(field, depth, inList: true);
            var elements = field.FieldType == FieldType.Message
                ? Gen.Frequency((8, element.Array[0, 3]), (1, element.Array[14, 20]))
                : Gen.Frequency((8, element.Array[0, 3]), (1, element.Array[4, 30]), (1, element.Array[200, 400]));
            return elements.Select(values => (Action<IMessage>)(message =>
            {
                var list = (IList)field.Accessor.GetValue(message);
                foreach (var value in values)
                {
                    list.Add(value);
                }
            }));
        }

        if (field.FieldType == FieldType.Message && depth >= MaxDepth)
        {
            return Gen.Const<Action<IMessage>>(_ => { });
        }

        return Gen.Frequency(
            (1, Gen.Const<Action<IMessage>>(_ => { })),
            (3, Value(field, depth, inList: false).Select(value => (Action<IMessage>)(message => field.Accessor.SetValue(message, value)))));
    }

    private Gen<object> Value(FieldDescriptor field, int depth, bool inList) => field.FieldType switch
    {
        FieldType.String => Strings(field.Name, inList).Select(s => (object)s),
        FieldType.Bool => Gen.Bool.Select(b => (object)b),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Int32s(field.Name).Select(i => (object)i),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Int64s(field.Name).Select(i => (object)i),
        FieldType.UInt32 or FieldType.Fixed32 => Int32s(field.Name).Select(i => (object)unchecked((uint)i)),
        FieldType.UInt64 or FieldType.Fixed64 => Int64s(field.Name).Select(i => (object)unchecked((ulong)i)),
        FieldType.Double => Doubles().Select(d => (object)d),
        FieldType.Float => Doubles().Select(d => (object)(float)d),
        FieldType.Bytes => Gen.Byte.Array[0, 40].Select(b => (object)ByteString.CopyFrom(b)),
        FieldType.Enum => Enums(field.EnumType).Select(n => System.Enum.ToObject(field.EnumType.ClrType, n)),
        FieldType.Message => WellKnown(field.MessageType) ?? Message(field.MessageType, depth + 1).Select(m => (object)m),
        _ => throw new NotSupportedException($"{field.FullName}: {field.FieldType}"),
    };

    private Gen<object>? WellKnown(MessageDescriptor type) => type.FullName switch
    {
        "google.protobuf.Timestamp" => WellKnownValues.Timestamps().Select(t => (object)t),
        "google.protobuf.Duration" => WellKnownValues.Durations().Select(d => (object)d),
        "google.protobuf.FieldMask" => WellKnownValues.FieldMasks(Strings("path", inList: true)).Select(m => (object)m),
        "google.type.Date" => WellKnownValues.Dates().Select(d => (object)d),
        _ => null,
    };

    /// <summary>Declared values (the unspecified 0 included) most often, and numbers the contract does not declare.</summary>
    private static Gen<int> Enums(EnumDescriptor type) => Gen.Frequency(
        (6, Gen.OneOf(type.Values.Select(v => v.Number).ToArray())),
        (1, Gen.OneOf(999, -1, int.MaxValue, int.MinValue, type.Values.Max(v => v.Number) + 1)));

    private Gen<string> Strings(string field, bool inList)
    {
        var real = StringValues.ForField(field, known);
        var generic = StringValues.Generic(allowLong: !inList);
        return real is null ? generic : Gen.Frequency((3, real), (2, generic));
    }

    private static Gen<int> Int32s(string field) => field switch
    {
        "page_size" => Gen.OneOf(0, 1, 2, 50, 500, 501, 1000, 1001, int.MaxValue, -1, int.MinValue),
        "rank" => Gen.Int[-1, 4],
        "reference_tax_year" => Gen.OneOf(0, 1999, 2000, 2024, 2026, 2027, 9999, -1, int.MaxValue),
        _ => Gen.Frequency((3, Gen.OneOf(0, 1, -1, int.MaxValue, int.MinValue)), (2, Gen.Int[-1000, 100_000])),
    };

    private static Gen<long> Int64s(string field) => field switch
    {
        "expected_revision" => Gen.Frequency((4, Gen.Long[1, 4]), (1, Gen.OneOf(0L, -1L, long.MaxValue, long.MinValue))),
        "start_after_change_seq" or "change_seq" => Gen.OneOf(0L, 1L, 2L, 10L, 1_000_000L, long.MaxValue, -1L, long.MinValue),
        _ => Gen.Frequency((3, Gen.OneOf(0L, 1L, -1L, long.MaxValue, long.MinValue)), (2, Gen.Long[-1000, 10_000_000])),
    };

    private static Gen<double> Doubles() => Gen.OneOf(0.0, 1.5, -1.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue);

    /// <summary>One list of values from a list of generators, in order.</summary>
    private static Gen<List<T>> Sequence<T>(IReadOnlyList<Gen<T>> gens) =>
        gens.Aggregate(Gen.Const(() => new List<T>()), (all, next) => Gen.Select(all, next, (list, value) => new List<T>(list) { value }));

    /// <summary>A field of the template, at the end of a path of (field, list index or -1) steps from the request.</summary>
    private sealed record Slot(IReadOnlyList<(FieldDescriptor Field, int Index)> Path, FieldDescriptor Field, int Depth);
}
