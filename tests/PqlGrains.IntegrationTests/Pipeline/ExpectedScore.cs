using System.Text.Json;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Evaluation;
using PqlGrains.Scoring.Events;

namespace PqlGrains.IntegrationTests.Pipeline;

/// <summary>
/// What the read API must answer for one user or account: the score, tier and per-signal
/// breakdown the scoring engine (or <c>pql score</c>) computed, compared field by field and
/// exactly (same engine, same numbers).
/// </summary>
internal sealed record ExpectedScore(double Score, string? Tier, IReadOnlyList<ExpectedSignal> Breakdown)
{
    /// <summary>The engine's score of one user's <paramref name="events"/> at <paramref name="at"/>, applied in the order given.</summary>
    public static ExpectedScore ForUser(PqlDefinition definition, IEnumerable<ScoringEvent> events, DateTimeOffset at)
    {
        var state = definition.CreateUserState();
        foreach (var scoringEvent in events)
        {
            state.Apply(scoringEvent);
        }

        return From(state.Evaluate(at));
    }

    public static ExpectedScore From(ScoreResult result) => new(
        result.Score,
        result.Tier?.Name,
        [.. result.Signals.Select(signal => new ExpectedSignal(signal.SignalId, signal.Category.ToString().ToLowerInvariant(), signal.Points))]);

    /// <summary>One entry of <c>pql score --json</c>; its account-only <c>top_users</c> line is the member rollup, which the API folds into the score.</summary>
    public static ExpectedScore FromScoreCommand(JsonElement entity) => new(
        entity.GetProperty("score").GetDouble(),
        entity.GetProperty("tier").GetString(),
        [.. entity.GetProperty("breakdown").EnumerateArray()
            .Where(item => item.GetProperty("signal").GetString() != "top_users")
            .Select(item => new ExpectedSignal(item.GetProperty("signal").GetString()!, item.GetProperty("category").GetString()!, item.GetProperty("points").GetDouble()))]);

    /// <summary>The API's answer (<c>GET /api/users/{id}</c> or <c>/api/accounts/{id}</c>) as the same three fields.</summary>
    public static ExpectedScore FromApi(JsonElement response) => new(
        response.GetProperty("score").GetDouble(),
        response.GetProperty("tier").GetString(),
        [.. response.GetProperty("breakdown").EnumerateArray()
            .Select(item => new ExpectedSignal(item.GetProperty("signal").GetString()!, item.GetProperty("category").GetString()!, item.GetProperty("points").GetDouble()))]);

    /// <summary>Asserts the API answered exactly this score, naming <paramref name="subject"/> and both breakdowns on failure.</summary>
    public void AssertAnswered(JsonElement response, string subject)
    {
        var actual = FromApi(response);
        Assert.True(
            Matches(actual),
            $"{subject}: the API answered {actual.Describe()} but the engine computes {Describe()}");
    }

    public bool Matches(ExpectedScore other) =>
        Score.Equals(other.Score) && Tier == other.Tier && Breakdown.SequenceEqual(other.Breakdown);

    private string Describe() =>
        $"score {Score:R}, tier {Tier ?? "none"}, breakdown [{string.Join(", ", Breakdown.Select(s => $"{s.Signal}/{s.Category} {s.Points:R}"))}]";
}

/// <summary>One signal's line of a breakdown.</summary>
internal sealed record ExpectedSignal(string Signal, string Category, double Points);
