using PqlGrains.Scoring.Events;

namespace PqlGrains.Abstractions.Serialization;

[GenerateSerializer]
public struct PropertyValueSurrogate
{
    [Id(0)] public PropertyKind Kind;
    [Id(1)] public double Number;
    [Id(2)] public string? Text;

    public static PropertyValueSurrogate From(PropertyValue value) =>
        new() { Kind = value.Kind, Number = value.Number, Text = value.Text };

    public readonly PropertyValue ToValue() => Kind switch
    {
        PropertyKind.String => PropertyValue.From(Text),
        PropertyKind.Number => PropertyValue.From(Number),
        PropertyKind.Boolean => PropertyValue.From(Number != 0),
        _ => PropertyValue.Null,
    };
}
