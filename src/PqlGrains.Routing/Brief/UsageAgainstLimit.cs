namespace PqlGrains.Routing.Brief;

/// <summary>How much of a plan limit is used (e.g. 4 of 5 seats).</summary>
public sealed record UsageAgainstLimit(string Metric, double Used, double Limit)
{
    public double Ratio => Limit <= 0 ? 0 : Used / Limit;
}
