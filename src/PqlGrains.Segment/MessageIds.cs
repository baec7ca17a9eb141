using System.Security.Cryptography;

namespace PqlGrains.Segment;

/// <summary>
/// messageIds for messages that arrive without one. Segment invents a random id; we derive it
/// from the message's exact bytes instead, so an SDK retrying the same message is still
/// deduplicated (byte-identical messages without messageId count once).
/// </summary>
internal static class MessageIds
{
    public const string GeneratedPrefix = "pql-";

    public static string Derive(ReadOnlySpan<byte> rawMessage)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(rawMessage, hash);
        return string.Concat(GeneratedPrefix, Convert.ToHexStringLower(hash[..16]));
    }
}
