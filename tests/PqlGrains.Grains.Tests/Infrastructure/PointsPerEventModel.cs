using System.Text;
using PqlGrains.Abstractions.Scores;
using PqlGrains.Grains.Scoring;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Tests.Infrastructure;

/// <summary>
/// Test double for the scoring seam: fixed points per track event name, no decay, tiers at
/// 40/60/80; accounts add 5 per member "seat_added" event to their members' sum. Lets grain
/// tests count exactly what was applied.
/// </summary>
internal sealed class PointsPerEventModel : IScoringModel
{
    public static readonly IReadOnlyDictionary<string, double> Points = new Dictionary<string, double>
    {
        ["billing_page_viewed"] = 50,
        ["member_invited"] = 30,
        ["feature_activated"] = 15,
    };

    public string DefinitionVersion { get; set; } = "test-1";

    public IScoreState CreateUserState() => new UserState(this, 0, []);

    public IScoreState RestoreUserState(byte[] snapshot)
    {
        var (points, ids) = Decode(snapshot);
        return new UserState(this, points, ids);
    }

    public IAccountScoreState CreateAccountState() => new AccountState(this, 0, [], []);

    public IAccountScoreState RestoreAccountState(byte[] snapshot)
    {
        var parts = Encoding.UTF8.GetString(snapshot).Split('\n');
        var (points, ids) = Decode(Encoding.UTF8.GetBytes(parts[0]));
        var members = parts.Skip(1).Where(p => p.Length > 0).Select(p => p.Split('\t')).ToDictionary(p => p[0], p => double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        return new AccountState(this, points, ids, members);
    }

    private static string? TierFor(double score) => score switch
    {
        >= 80 => "sales_ready",
        >= 60 => "hot",
        >= 40 => "warm",
        _ => null,
    };

    private static byte[] Encode(double points, HashSet<string> ids) =>
        Encoding.UTF8.GetBytes(points.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "|" + string.Join(",", ids));

    private static (double Points, HashSet<string> Ids) Decode(byte[] snapshot)
    {
        var text = Encoding.UTF8.GetString(snapshot).Split('|');
        return (double.Parse(text[0], System.Globalization.CultureInfo.InvariantCulture), text[1].Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet());
    }

    private static ScoreSummary Summary(PointsPerEventModel model, double score, DateTimeOffset at) =>
        new(score, TierFor(score), model.DefinitionVersion, [new SignalPoints("events", "usage_depth", score)], score > 0 ? [$"{score} points"] : [], at);

    private class UserState(PointsPerEventModel model, double points, HashSet<string> ids) : IScoreState
    {
        protected PointsPerEventModel Model { get; } = model;

        protected double OwnPoints { get; set; } = points;

        protected HashSet<string> Ids { get; } = ids;

        public bool Apply(ScoringEvent scoringEvent)
        {
            if (!Ids.Add(scoringEvent.MessageId))
            {
                return false;
            }

            OwnPoints += PointsFor(scoringEvent);
            return true;
        }

        public virtual ScoreSummary Evaluate(DateTimeOffset at) => Summary(Model, OwnPoints, at);

        public virtual byte[] Save() => Encode(OwnPoints, Ids);

        protected virtual double PointsFor(ScoringEvent scoringEvent) =>
            scoringEvent.Type == EventType.Track && Points.TryGetValue(scoringEvent.Name, out var p) ? p : 0;
    }

    private sealed class AccountState(PointsPerEventModel model, double points, HashSet<string> ids, Dictionary<string, double> members)
        : UserState(model, points, ids), IAccountScoreState
    {
        public void ReportMember(string userId, double score, DateTimeOffset evaluatedAt) => members[userId] = score;

        public void RemoveMember(string userId, DateTimeOffset at) => members.Remove(userId);

        public override ScoreSummary Evaluate(DateTimeOffset at) => Summary(Model, OwnPoints + members.Values.Sum(), at);

        public override byte[] Save() =>
            [.. base.Save(), .. Encoding.UTF8.GetBytes(string.Concat(members.Select(m => $"\n{m.Key}\t{m.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}")))];

        protected override double PointsFor(ScoringEvent scoringEvent) =>
            scoringEvent.Type == EventType.Track && scoringEvent.Name == "seat_added" ? 5 : 0;
    }
}
