using PqlGrains.Routing.Model;

namespace PqlGrains.Routing.Rules;

/// <summary>The route the ordered rules chose for a lead, with the trace of rules tried.</summary>
/// <param name="Action">Null when no rule matched: the lead is recorded but nobody is assigned.</param>
public sealed record RouteDecision(string? RuleId, RuleActionKind? Action, string? PoolId, IReadOnlyList<RuleTrace> Trace)
{
    public bool Matched => RuleId is not null;

    public string Explanation => Matched
        ? $"Rule {RuleId} matched: {Trace[^1].Why} -> {Describe()}."
        : "No rule matched; add a catch-all rule (no match section) at the end of the rules list to route every lead.";

    private string Describe() => Action switch
    {
        RuleActionKind.AssignFromPool => $"assign from pool {PoolId}",
        RuleActionKind.Nurture => "nurture (no rep)",
        RuleActionKind.LogOnExistingRecord => "log on the existing CRM record" + (PoolId is null ? string.Empty : $" (owner from pool {PoolId} if the record has none)"),
        _ => "nothing",
    };
}
