using PqlGrains.Scoring.Evaluation;

namespace PqlGrains.Scoring.Tests;

/// <summary>Compares what a user would see in two results: score bits, tier, and every signal's points.</summary>
internal sealed class ScoreComparer : IEqualityComparer<ScoreResult>
{
    public bool Equals(ScoreResult? x, ScoreResult? y) =>
        x is not null && y is not null &&
        BitConverter.DoubleToInt64Bits(x.Score) == BitConverter.DoubleToInt64Bits(y.Score) &&
        x.Tier == y.Tier &&
        x.Signals.Select(s => (s.SignalId, BitConverter.DoubleToInt64Bits(s.Points), s.Count)).SequenceEqual(y.Signals.Select(s => (s.SignalId, BitConverter.DoubleToInt64Bits(s.Points), s.Count)));

    public int GetHashCode(ScoreResult obj) => obj.Score.GetHashCode();
}
