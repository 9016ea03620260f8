using System.Text.Json;
using Interop.Adapters.Sdk.Inbound;
using Interop.Adapters.Sdk.Outbound;
using Interop.Contracts.V1;
using Microsoft.Extensions.Configuration;

namespace MyAdapter.Erp;

/// <summary>
/// A toy ERP in a folder, to replace with yours: desks append their changes to <c>outbox.jsonl</c> (one
/// <see cref="ToyChange"/> per line, the SDK's source; marker = line number), and the hub's applications are
/// written to <c>inbox/{number}.json</c> (the SDK's sink), whole files only, idempotent on the revision.
/// </summary>
internal sealed class ToyErp(string folder, IConfiguration mappings) : IErpChangeSource, IHubChangeSink
{
    private const string ApplicationsPrefix = "applications/";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private string Outbox => Path.Combine(folder, "outbox.jsonl");

    private string Inbox => Path.Combine(folder, "inbox");

    /// <inheritdoc />
    public async Task<IReadOnlyList<ErpChange>> ReadChangesAsync(string? afterMarker, int maxCount, CancellationToken cancellationToken)
    {
        if (!File.Exists(Outbox))
        {
            return [];
        }

        var after = afterMarker is null ? 0 : long.Parse(afterMarker, System.Globalization.CultureInfo.InvariantCulture);
        var changes = new List<ErpChange>();
        var line = 0L;
        // A line the desk is still writing has no newline yet: only whole lines are read.
        var text = await File.ReadAllTextAsync(Outbox, cancellationToken);
        foreach (var json in text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            line++;
            if (line > after && changes.Count < maxCount)
            {
                var change = JsonSerializer.Deserialize<ToyChange>(json, Json) ?? throw new InvalidDataException($"outbox line {line} is empty");
                changes.Add(ToyTranslator.ToErpChange(change, line));
            }
        }

        return changes;
    }

    /// <inheritdoc />
    public async Task<string?> ApplyAsync(Change change, string? erpRecordId, CancellationToken cancellationToken)
    {
        var number = change.Application[ApplicationsPrefix.Length..];
        var path = Path.Combine(Inbox, number + ".json");
        if (change.ApplicationState is not { } application)
        {
            // Erased at the hub (or not readable by this landlord): the ERP drops its copy.
            File.Delete(path);
            return erpRecordId;
        }

        if (File.Exists(path) && JsonSerializer.Deserialize<Received>(await File.ReadAllTextAsync(path, cancellationToken), Json) is { } held && held.Revision >= application.Revision)
        {
            return erpRecordId ?? held.Dossier;
        }

        var dossier = erpRecordId ?? "H-" + number;
        var received = new Received(dossier, number, application.Revision, application.Applicant?.LastName ?? "", ErpCodeOf("current_housing", application.CurrentHousing), application.Status.ToString());
        Directory.CreateDirectory(Inbox);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(received, Json), cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return dossier;
    }

    /// <summary>The ERP's code of a contract value: the mapping tables read backwards; a value the ERP has no code for is refused (a dead letter).</summary>
    private string ErpCodeOf<T>(string table, T value)
        where T : struct, Enum
    {
        var contract = typeof(T).GetField(value.ToString())?.GetCustomAttributes(typeof(Google.Protobuf.Reflection.OriginalNameAttribute), false)
            .OfType<Google.Protobuf.Reflection.OriginalNameAttribute>().FirstOrDefault()?.Name ?? value.ToString();
        return mappings.GetSection(table).GetChildren().FirstOrDefault(e => e.Value == contract)?.Key
            ?? (value.Equals(default(T)) ? "" : throw new ErpRefusedException($"the ERP has no code for {contract} in its table {table}"));
    }

    /// <summary>What the toy ERP keeps of a hub application.</summary>
    private sealed record Received(string Dossier, string Number, long Revision, string Nom, string Logement, string Statut);
}
