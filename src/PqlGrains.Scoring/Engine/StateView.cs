namespace PqlGrains.Scoring.Engine;

/// <summary>Read access to one state's slots at one evaluation instant.</summary>
internal readonly ref struct StateView
{
    public StateView(ReadOnlySpan<long> slots, DecayClock clock, TimePoint at)
    {
        Slots = slots;
        Clock = clock;
        At = at;
    }

    public ReadOnlySpan<long> Slots { get; }

    public DecayClock Clock { get; }

    public TimePoint At { get; }

    /// <summary>Decay weight of an instant, never above 1: evidence later than the evaluation instant counts as of now.</summary>
    public double WeightOf(long utcTicks) => utcTicks >= At.UtcTicks ? 1.0 : Clock.Weight(utcTicks, At);

    public int DayOf(long utcTicks) => Clock.At(utcTicks).Day;
}
