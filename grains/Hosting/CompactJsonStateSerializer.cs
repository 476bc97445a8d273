using System.Text.Json;
using Orleans.Storage;

namespace AdrPlatform.Hosting;

/// <summary>
/// Grain state as compact System.Text.Json, for the states written on every chat request (the tenant's ledger,
/// chat sessions): several times cheaper than Orleans' default Newtonsoft serializer, which made writing them
/// the largest cost per answer. Computed (get-only) properties are not stored. States written by the default
/// serializer before still read, through <see cref="GrainStorageSerializer"/>'s fallback.
/// </summary>
public sealed class CompactJsonStateSerializer : IGrainStorageSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General) { IgnoreReadOnlyProperties = true };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options)
            ?? throw new JsonException($"The stored {typeof(T).Name} is null.");
    }

    /// <summary>This serializer, falling back on <paramref name="previous"/> for states it did not write.</summary>
    public static IGrainStorageSerializer WithFallback(IGrainStorageSerializer previous) =>
        new GrainStorageSerializer(new CompactJsonStateSerializer(), previous);
}
