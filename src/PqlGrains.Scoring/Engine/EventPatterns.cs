using PqlGrains.Scoring.Events;

namespace PqlGrains.Scoring.Engine;

/// <summary>
/// The event patterns of one signal set, in the order its rules reserved them (<see cref="SlotAllocator.ReservePattern"/>).
/// An event is matched against all of them once: a bit per pattern in the <see cref="EventRow"/>, and for patterns that
/// count distinct values the selected value's hash (0 when the event has none).
/// </summary>
internal sealed class EventPatterns(EventMatcher[][] patterns, ValueSelector[] selectors, int[] selectorPatterns)
{
    private readonly int _maskWords = (patterns.Length + 63) / 64;

    /// <summary>Where the value hashes start in a row.</summary>
    public int ValuesStart => EventRow.HeaderLength + _maskWords;

    public int RowLength => ValuesStart + selectors.Length;

    /// <summary>Sets the pattern bits and value hashes of <paramref name="row"/>, whose pattern and value words are zero.</summary>
    public void Match(ScoringEvent scoringEvent, Span<long> row)
    {
        var mask = row.Slice(EventRow.HeaderLength, _maskWords);
        for (var i = 0; i < patterns.Length; i++)
        {
            if (EventMatcher.AnyMatches(patterns[i], scoringEvent))
            {
                mask[i / 64] |= (long)(1UL << i);
            }
        }

        for (var j = 0; j < selectors.Length; j++)
        {
            var pattern = selectorPatterns[j];
            if ((mask[pattern / 64] & (long)(1UL << pattern)) != 0)
            {
                row[ValuesStart + j] = selectors[j].HashOf(scoringEvent);
            }
        }
    }
}
