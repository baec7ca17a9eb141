using Orleans.Serialization.Cloning;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Abstractions.Serialization;

/// <summary>
/// <see cref="ScoringEvent"/> and its properties are immutable, so in-silo calls share the
/// instance instead of paying a copy per event on the hot ingest path.
/// </summary>
[RegisterCopier]
public sealed class ScoringEventCopier : IDeepCopier<ScoringEvent>
{
    public ScoringEvent? DeepCopy(ScoringEvent? input, CopyContext context) => input;
}
