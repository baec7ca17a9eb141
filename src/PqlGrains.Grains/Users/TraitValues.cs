using System.Globalization;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Users;

/// <summary>Reads trait values the way Segment's spec names them, with its common aliases.</summary>
internal static class TraitValues
{
    public static string? Text(EventProperties traits, params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            var value = traits[key];
            if (!value.IsNull)
            {
                var text = value.ToString();
                if (text.Length > 0)
                {
                    return text;
                }
            }
        }

        return null;
    }

    public static double? Number(EventProperties traits, params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            var value = traits[key];
            if (value.Kind == PropertyKind.Number)
            {
                return value.Number;
            }

            if (value.Kind == PropertyKind.String && double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
        }

        return null;
    }

    /// <summary>ISO 8601 text, or a Unix time in seconds (Segment's created_at convention), or null.</summary>
    public static DateTimeOffset? Time(EventProperties traits, params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            var value = traits[key];
            if (value.Kind == PropertyKind.String && DateTimeOffset.TryParse(value.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return parsed;
            }

            if (value.Kind == PropertyKind.Number && value.Number is > 0 and < 1e11)
            {
                return DateTimeOffset.FromUnixTimeMilliseconds((long)(value.Number * 1000));
            }
        }

        return null;
    }
}
