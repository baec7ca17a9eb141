using PqlGrains.Scoring.Events;

namespace PqlGrains.Scoring.Engine;

/// <summary>
/// One test on one event property. Values of a different kind never match (a string "0.9" is not
/// &gt;= 0.8): the ingest side normalises types, so a mismatch means the definition or the data is wrong.
/// </summary>
internal sealed class PropertyPredicate(string property, ComparisonOperator op, PropertyValue operand, PropertyValue[] set)
{
    public string Property { get; } = property;

    public bool Matches(EventProperties properties)
    {
        var found = properties.TryGetValue(Property, out var value) && !value.IsNull;
        return op switch
        {
            ComparisonOperator.Exists => found == operand.AsBoolean,
            ComparisonOperator.NotEqual => !found || !AreEqual(value, operand),
            _ when !found => false,
            ComparisonOperator.Equal => AreEqual(value, operand),
            ComparisonOperator.In => IsIn(value),
            _ => Compare(value),
        };
    }

    private bool IsIn(PropertyValue value)
    {
        foreach (var candidate in set)
        {
            if (AreEqual(value, candidate))
            {
                return true;
            }
        }

        return false;
    }

    private bool Compare(PropertyValue value)
    {
        if (value.Kind != PropertyKind.Number || operand.Kind != PropertyKind.Number)
        {
            return false;
        }

        return op switch
        {
            ComparisonOperator.GreaterOrEqual => value.Number >= operand.Number,
            ComparisonOperator.Greater => value.Number > operand.Number,
            ComparisonOperator.LessOrEqual => value.Number <= operand.Number,
            ComparisonOperator.Less => value.Number < operand.Number,
            _ => false,
        };
    }

    private static bool AreEqual(PropertyValue left, PropertyValue right) =>
        left.Kind == right.Kind && left.Kind switch
        {
            PropertyKind.String => string.Equals(left.Text, right.Text, StringComparison.Ordinal),
            PropertyKind.Null => true,
            _ => left.Number == right.Number,
        };
}
