using System.Globalization;
using PqlGrains.Routing.Model;

namespace PqlGrains.Routing.Loading;

/// <summary>The words a routing file uses for enums, accepted case-insensitively with '-' or '_'.</summary>
internal static class RoutingVocabulary
{
    public static readonly IReadOnlyDictionary<string, RepRole> Roles = Table(
        ("ae", RepRole.AE), ("sdr", RepRole.SDR), ("csm", RepRole.CSM));

    public static readonly IReadOnlyDictionary<string, Segment> Segments = Table(
        ("enterprise", Segment.Enterprise), ("smb", Segment.Smb));

    public static readonly IReadOnlyDictionary<string, LeadMotion> Motions = Table(
        ("self_serve", LeadMotion.SelfServe), ("sales_assist", LeadMotion.SalesAssist), ("sales_led", LeadMotion.SalesLed));

    public static readonly IReadOnlyDictionary<string, RuleActionKind> Actions = Table(
        ("assign", RuleActionKind.AssignFromPool), ("nurture", RuleActionKind.Nurture), ("log_on_record", RuleActionKind.LogOnExistingRecord));

    public static readonly IReadOnlyDictionary<string, DayOfWeek> Days = Table(
        ("mon", DayOfWeek.Monday), ("tue", DayOfWeek.Tuesday), ("wed", DayOfWeek.Wednesday), ("thu", DayOfWeek.Thursday),
        ("fri", DayOfWeek.Friday), ("sat", DayOfWeek.Saturday), ("sun", DayOfWeek.Sunday),
        ("monday", DayOfWeek.Monday), ("tuesday", DayOfWeek.Tuesday), ("wednesday", DayOfWeek.Wednesday),
        ("thursday", DayOfWeek.Thursday), ("friday", DayOfWeek.Friday), ("saturday", DayOfWeek.Saturday), ("sunday", DayOfWeek.Sunday));

    public static string Normalise(string word) => word.Trim().Replace('-', '_').ToLowerInvariant();

    public static string Choices<T>(IReadOnlyDictionary<string, T> table) => string.Join(", ", table.Keys);

    public static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static Dictionary<string, T> Table<T>(params (string Word, T Value)[] entries) =>
        entries.ToDictionary(entry => entry.Word, entry => entry.Value, StringComparer.Ordinal);
}
