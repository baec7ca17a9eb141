using System.Globalization;

namespace PqlGrains.Scoring.Events;

/// <summary>
/// One scalar event property or trait. Nested objects are flattened by the ingest side into
/// dotted keys (<c>company.id</c>), so predicates only ever compare scalars.
/// </summary>
public readonly record struct PropertyValue
{
    private PropertyValue(PropertyKind kind, double number, string? text)
    {
        Kind = kind;
        Number = number;
        Text = text;
    }

    public PropertyKind Kind { get; }

    /// <summary>The numeric value when <see cref="Kind"/> is Number; 1 or 0 for booleans.</summary>
    public double Number { get; }

    /// <summary>The string value when <see cref="Kind"/> is String.</summary>
    public string? Text { get; }

    public static PropertyValue Null { get; } = new(PropertyKind.Null, 0, null);

    public static PropertyValue From(string? value) => value is null ? Null : new(PropertyKind.String, 0, value);

    public static PropertyValue From(double value) => new(PropertyKind.Number, value, null);

    public static PropertyValue From(bool value) => new(PropertyKind.Boolean, value ? 1 : 0, null);

    public bool IsNull => Kind == PropertyKind.Null;

    public bool AsBoolean => Kind == PropertyKind.Boolean && Number != 0;

    public override string ToString() => Kind switch
    {
        PropertyKind.String => Text!,
        PropertyKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        PropertyKind.Boolean => AsBoolean ? "true" : "false",
        _ => "null",
    };
}
