using System.Globalization;

namespace PqlGrains.Postgres.GrainStorage;

/// <summary>
/// What one <c>OrleansStorage</c> row can hold (the ADO.NET provider's PostgreSQL schema). A save that breaks a limit
/// is refused before it joins a batch: inside the batch it would fail the one statement, and with it every other
/// grain's save.
/// </summary>
internal static class GrainStateRowLimits
{
    /// <summary><c>GrainTypeString varchar(512)</c>: the state name.</summary>
    public const int MaxStateNameLength = 512;

    /// <summary><c>GrainIdExtensionString varchar(512)</c>: a string grain's whole key, or a compound key's extension.</summary>
    public const int MaxKeyLength = 512;

    /// <summary><c>ServiceId varchar(150)</c>.</summary>
    public const int MaxServiceIdLength = 150;

    /// <summary>
    /// PostgreSQL caps one value, and one statement's parameters, at 1 GB; a batch is cut before its payloads reach
    /// <see cref="MaxBatchPayloadBytes"/>, so one state up to this size always fits in a statement of its own.
    /// </summary>
    public const int MaxPayloadBytes = 256 * 1024 * 1024;

    /// <summary>Payload bytes after which a batch takes no further save (it always takes its first).</summary>
    public const int MaxBatchPayloadBytes = 64 * 1024 * 1024;

    /// <summary>Why this save's row cannot be stored, or <see langword="null"/> when it can.</summary>
    public static string? Violation(GrainStateKey key, int payloadBytes)
    {
        if (TextViolation(key.StateName, MaxStateNameLength, "state name", "GrainTypeString", "name the state with a shorter string in [PersistentState(...)]") is { } stateName)
        {
            return stateName;
        }

        if (key.Extension is not null
            && TextViolation(key.Extension, MaxKeyLength, "grain key", "GrainIdExtensionString", "give the grain a shorter key (for example a hash of the long id) where its id is built") is { } grainKey)
        {
            return grainKey;
        }

        return payloadBytes > MaxPayloadBytes
            ? string.Create(CultureInfo.InvariantCulture, $"the serialized state is {payloadBytes} bytes and this storage saves at most {MaxPayloadBytes} bytes per state (PostgreSQL caps a value and a statement at 1 GB); keep less in this grain's state")
            : null;
    }

    /// <summary>Why the service id cannot be stored in any row, or <see langword="null"/> when it can.</summary>
    public static string? ServiceIdViolation(string serviceId) =>
        TextViolation(serviceId, MaxServiceIdLength, "service id", "ServiceId", "set a shorter ClusterOptions.ServiceId (Orleans:ServiceId)");

    /// <summary>
    /// PostgreSQL <c>varchar(n)</c> counts characters (code points), not UTF-16 units; text in a UTF-8 database holds
    /// neither NUL nor an unpaired surrogate (Npgsql cannot encode one).
    /// </summary>
    private static string? TextViolation(string text, int maxCharacters, string what, string column, string fix)
    {
        var characters = 0;
        for (var i = 0; i < text.Length; i++, characters++)
        {
            var unit = text[i];
            if (unit == '\0')
            {
                return string.Create(CultureInfo.InvariantCulture, $"the {what} has a NUL character (U+0000) at index {i}, which PostgreSQL text cannot hold; remove it where the {what} is built");
            }

            if (char.IsHighSurrogate(unit) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(unit))
            {
                return string.Create(CultureInfo.InvariantCulture, $"the {what} has an unpaired UTF-16 surrogate at index {i}, which has no UTF-8 form for PostgreSQL; fix where the {what} is built");
            }
        }

        return characters > maxCharacters
            ? string.Create(CultureInfo.InvariantCulture, $"the {what} is {characters} characters long and OrleansStorage.{column} holds at most {maxCharacters}; {fix}")
            : null;
    }
}
