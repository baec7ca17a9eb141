using Orleans.Serialization;
using Orleans.Storage;

namespace PqlGrains.Silo.Hosting;

/// <summary>How grain states are written to storage.</summary>
internal static class GrainStateSerialization
{
    /// <summary>
    /// Writes Orleans' binary codec (Newtonsoft JSON, Orleans' default, was about a third of the silo's
    /// CPU under load); a state an earlier build saved as <paramref name="json"/> still reads, through
    /// Orleans' fallback deserializer, and is written binary at its next save.
    /// </summary>
    public static IGrainStorageSerializer BinaryReadingJson(Serializer serializer, IGrainStorageSerializer json) =>
        new GrainStorageSerializer(new BinaryGrainStateSerializer(serializer), json);
}
