namespace PqlGrains.Scoring.Engine;

/// <summary>Hands out contiguous ranges of the flat state array while a definition compiles.</summary>
internal sealed class SlotAllocator
{
    public int Size { get; private set; } = CommonSlots.Count;

    public int Reserve(int count)
    {
        var offset = Size;
        Size += count;
        return offset;
    }
}
