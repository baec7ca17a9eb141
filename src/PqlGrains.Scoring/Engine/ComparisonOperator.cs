namespace PqlGrains.Scoring.Engine;

internal enum ComparisonOperator : byte
{
    Equal,
    NotEqual,
    GreaterOrEqual,
    Greater,
    LessOrEqual,
    Less,
    In,
    Exists,
}
