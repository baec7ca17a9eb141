using System.Globalization;

namespace PqlGrains.Routing.Loading;

/// <summary>Reads one scalar of a routing file, recording a problem (path, what is wrong, how to fix it) instead of throwing.</summary>
internal sealed class FieldReader
{
    private readonly List<RoutingValidationError> _errors = [];

    public IReadOnlyList<RoutingValidationError> Errors => _errors;

    public TimeZoneInfo Zone(string? id, string path)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            Error(path, "is missing; use an IANA time zone id such as Europe/Berlin, America/New_York or UTC");
            return TimeZoneInfo.Utc;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone))
        {
            return zone;
        }

        Error(path, $"'{id}' is not a known IANA time zone; use an id such as Europe/Berlin, America/New_York or UTC");
        return TimeZoneInfo.Utc;
    }

    public TimeOnly Time(string? text, string path, string example)
    {
        if (text is not null && RoutingVocabulary.TryTime(text, out var time))
        {
            return time;
        }

        Error(path, text is null ? $"is missing; write a 24-hour local time in quotes, e.g. \"{example}\"" : $"'{text}' is not a time; write a 24-hour local time in quotes, e.g. \"{example}\"");
        return TimeOnly.MinValue;
    }

    public DateOnly Date(string? text, string path)
    {
        if (text is not null && RoutingVocabulary.TryDate(text, out var date))
        {
            return date;
        }

        Error(path, text is null ? "is missing; write a date as yyyy-MM-dd" : $"'{text}' is not a date; write it as yyyy-MM-dd, e.g. 2026-12-24");
        return DateOnly.MinValue;
    }

    public List<T> Words<T>(List<string>? values, string path, IReadOnlyDictionary<string, T> table) =>
        (values ?? []).Select((value, i) => Word(value, $"{path}[{i}]", table, required: true)).ToList();

    public T Word<T>(string? text, string path, IReadOnlyDictionary<string, T> table, bool required)
    {
        if (text is null)
        {
            if (required)
            {
                Error(path, $"is missing; use one of: {RoutingVocabulary.Choices(table)}");
            }

            return default!;
        }

        if (table.TryGetValue(RoutingVocabulary.Normalise(text), out var value))
        {
            return value;
        }

        Error(path, $"'{text}' is not recognised; use one of: {RoutingVocabulary.Choices(table)}");
        return default!;
    }

    public string Email(string? text, string path)
    {
        var email = Required(text, path, "an address such as jane@example.com");
        if (email.Length > 0 && (email.IndexOf('@') <= 0 || email.IndexOf('@') == email.Length - 1))
        {
            Error(path, $"'{email}' is not an email address; write it as name@company.com");
        }

        return email;
    }

    public string Required(string? text, string path, string what)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            return text.Trim();
        }

        Error(path, $"is missing; give {what}");
        return string.Empty;
    }

    public int WholeNumber(string text, string path, int minimum, string example)
    {
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        Error(path, $"'{text}' is not a whole number of at least {minimum}; write e.g. {example}");
        return minimum;
    }

    public int Missing(string path, string what)
    {
        Error(path, $"is missing; give {what}");
        return 0;
    }

    public void Error(string path, string message) => _errors.Add(new RoutingValidationError(path, message));
}
