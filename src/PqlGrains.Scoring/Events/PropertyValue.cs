using System.Globalization;

namespace PqlGrains.Scoring.Events;

/// <summary>
/// One scalar event property or trait. Nested objects are flattened by the ingest side into
/// dotted keys (<c>company.id</c>), so predicates only ever compare scalars.
/// </summary>
public readonly record struct PropertyValue
{
    // The kind rides in the reference field (nothing, the string itself, or a marker), so a value is 16 bytes, not
    // 24: every accepted event carries a few, and the event log and scoring keep them. Each value has exactly one
    // representation, so the generated equality still compares kind, number and text.
    private static readonly object NumberMarker = new();
    private static readonly object BooleanMarker = new();

    private readonly object? _textOrKind;
    private readonly double _number;

    private PropertyValue(object? textOrKind, double number)
    {
        _textOrKind = textOrKind;
        _number = number;
    }

    public PropertyKind Kind => _textOrKind switch
    {
        null => PropertyKind.Null,
        string => PropertyKind.String,
        _ => ReferenceEquals(_textOrKind, NumberMarker) ? PropertyKind.Number : PropertyKind.Boolean,
    };

    /// <summary>The numeric value when <see cref="Kind"/> is Number; 1 or 0 for booleans.</summary>
    public double Number => _number;

    /// <summary>The string value when <see cref="Kind"/> is String.</summary>
    public string? Text => _textOrKind as string;

    public static PropertyValue Null { get; } = default;

    public static PropertyValue From(string? value) => new(value, 0);

    public static PropertyValue From(double value) => new(NumberMarker, value);

    public static PropertyValue From(bool value) => new(BooleanMarker, value ? 1 : 0);

    public bool IsNull => _textOrKind is null;

    public bool AsBoolean => Kind == PropertyKind.Boolean && Number != 0;

    public override string ToString() => Kind switch
    {
        PropertyKind.String => Text!,
        PropertyKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        PropertyKind.Boolean => AsBoolean ? "true" : "false",
        _ => "null",
    };
}
