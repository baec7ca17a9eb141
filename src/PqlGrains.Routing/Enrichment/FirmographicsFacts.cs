using System.Globalization;

namespace PqlGrains.Routing.Enrichment;

/// <summary>Reads firmographic facts from loosely typed key/value sources (group traits, CSV rows, JSON objects).</summary>
internal static class FirmographicsFacts
{
    public static readonly string[] NameKeys = ["name", "company_name", "company"];
    public static readonly string[] EmployeeKeys = ["employees", "employee_count", "number_of_employees"];
    public static readonly string[] IndustryKeys = ["industry"];
    public static readonly string[] CountryKeys = ["country", "address.country", "country_code"];
    public static readonly string[] RegionKeys = ["region", "address.region", "sales_region"];
    public static readonly string[] ArrKeys = ["estimated_arr", "arr", "estimatedArr"];

    public static Firmographics From(Func<string, string?> lookup, string source) => new(
        First(lookup, NameKeys),
        Integer(First(lookup, EmployeeKeys)),
        First(lookup, IndustryKeys),
        Country(First(lookup, CountryKeys)),
        First(lookup, RegionKeys),
        Amount(First(lookup, ArrKeys)),
        source);

    public static string? First(Func<string, string?> lookup, string[] keys) =>
        keys.Select(lookup).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value))?.Trim();

    // Employee counts arrive as "120", "120.0" or ranges such as "51-200": take the lower bound.
    public static int? Integer(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var lower = text.Split('-', '–')[0].Replace(",", string.Empty).Replace("+", string.Empty).Trim();
        return decimal.TryParse(lower, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? (int)Math.Min(value, int.MaxValue)
            : null;
    }

    public static decimal? Amount(string? text) =>
        text is not null && decimal.TryParse(text.Replace("$", string.Empty).Replace(",", string.Empty).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : null;

    public static string? Country(string? text) => text?.Trim().ToUpperInvariant();
}
