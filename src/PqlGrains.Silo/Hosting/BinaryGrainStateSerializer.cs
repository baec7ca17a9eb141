using Orleans.Serialization;
using Orleans.Storage;

namespace PqlGrains.Silo.Hosting;

/// <summary>
/// Orleans' binary codec into an array of the state's exact size. Orleans' own storage serializer grows a buffer by
/// doubling and hands back part of it, which storage then copies: about three times a state's size in garbage per
/// save, and lead and account states (2-4 KB) are saved hundreds of times a second under ingest load.
/// </summary>
internal sealed class BinaryGrainStateSerializer(Serializer serializer) : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(serializer.SerializeToArray(input));

    public T? Deserialize<T>(BinaryData input) => serializer.Deserialize<T>(input.ToMemory());
}
