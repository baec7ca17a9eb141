namespace PqlGrains.Routing.Brief;

/// <summary>One signal's share of the score, with the plain-language description the scoring engine gives it.</summary>
/// <param name="Description">What the person did, as a phrase after "you": "invited 2 teammates".</param>
public sealed record SignalContribution(string Signal, string Category, double Points, string Description);
