namespace PqlGrains.Routing.Model;

/// <summary>One ordered rule: the first rule whose match holds decides the lead's route.</summary>
/// <param name="PoolId">The pool for <see cref="RuleActionKind.AssignFromPool"/>; for
/// <see cref="RuleActionKind.LogOnExistingRecord"/> an optional pool whose rep owns the note when the record has no owner.</param>
public sealed record RoutingRule(string Id, RuleMatch Match, RuleActionKind Action, string? PoolId);
