namespace PqlGrains.Scoring.Engine;

/// <summary>
/// Hands out contiguous ranges of the flat state array, and the places of the event patterns in a matched event's
/// row (<see cref="EventRow"/>), while a definition compiles.
/// </summary>
internal sealed class SlotAllocator
{
    private readonly List<EventMatcher[]> _patterns = [];
    private readonly List<ValueSelector> _selectors = [];
    private readonly List<int> _selectorPatterns = [];

    public int Size { get; private set; } = CommonSlots.Count;

    public int Reserve(int count)
    {
        var offset = Size;
        Size += count;
        return offset;
    }

    /// <summary>A pattern the rule tests each event against; with a selector, the row also holds the selected value's hash.</summary>
    public MatchSite ReservePattern(EventMatcher[] matchers, ValueSelector? selector = null)
    {
        _patterns.Add(matchers);
        if (selector is null)
        {
            return new MatchSite(_patterns.Count - 1, -1);
        }

        _selectors.Add(selector);
        _selectorPatterns.Add(_patterns.Count - 1);
        return new MatchSite(_patterns.Count - 1, _selectors.Count - 1);
    }

    public EventPatterns Patterns() => new([.. _patterns], [.. _selectors], [.. _selectorPatterns]);
}
