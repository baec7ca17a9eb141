using System.Buffers;

namespace PqlGrains.Silo.Gateway;

/// <summary>A request body held in a pooled buffer; dispose once it has been parsed.</summary>
internal readonly struct PooledBody(byte[] buffer, int length) : IDisposable
{
    public ReadOnlyMemory<byte> Memory => buffer.AsMemory(0, length);

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
}
