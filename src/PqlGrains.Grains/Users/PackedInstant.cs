namespace PqlGrains.Grains.Users;

/// <summary>
/// An optional instant held as one <see cref="long"/> (UTC ticks + 1, 0 for none) instead of a
/// <c>DateTimeOffset?</c> (24 bytes): checkpoints stay resident for every active user. The offset is not kept; event
/// times are UTC already (Segment timestamps are normalised on ingest), and instants compare equal either way.
/// </summary>
internal static class PackedInstant
{
    public static long Pack(DateTimeOffset? instant) => instant is { } value ? value.UtcTicks + 1 : 0;

    public static DateTimeOffset? Unpack(long packed) => packed == 0 ? null : new DateTimeOffset(packed - 1, TimeSpan.Zero);
}
