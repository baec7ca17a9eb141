namespace PqlGrains.Grains.Ingest;

/// <summary>
/// When a partition's events were logged, coarsely: each mark says every event up to its sequence was logged at or
/// before its time. Marks are kept at least <see cref="Spacing"/> apart (the newest one moves forward until then), so
/// a log holding events for months keeps one mark per minute instead of one time per event; retention deletes at
/// most one spacing late.
/// </summary>
internal sealed class LoggedAtMarks
{
    public static readonly TimeSpan Spacing = TimeSpan.FromMinutes(1);

    private readonly List<Mark> _marks = [];

    public int Count => _marks.Count;

    public void Record(long sequence, DateTimeOffset at)
    {
        var mark = new Mark(sequence, at.UtcTicks);
        if (_marks.Count >= 2 && mark.AtTicks - _marks[^2].AtTicks < Spacing.Ticks)
        {
            _marks[^1] = mark;
        }
        else
        {
            _marks.Add(mark);
        }
    }

    /// <summary>
    /// The highest sequence through which every event was logged before <paramref name="before"/>; 0 when none.
    /// Scans from the oldest mark and stops at the first one not older, like the PostgreSQL log does with rows.
    /// </summary>
    public long LoggedBefore(DateTimeOffset before)
    {
        var through = 0L;
        foreach (var mark in _marks)
        {
            if (mark.AtTicks >= before.UtcTicks)
            {
                break;
            }

            through = mark.Sequence;
        }

        return through;
    }

    /// <summary>Drops the marks of events that are gone (deleted through <paramref name="sequence"/>).</summary>
    public void ForgetThrough(long sequence)
    {
        var gone = 0;
        while (gone < _marks.Count && _marks[gone].Sequence <= sequence)
        {
            gone++;
        }

        _marks.RemoveRange(0, gone);
    }

    private readonly record struct Mark(long Sequence, long AtTicks);
}
