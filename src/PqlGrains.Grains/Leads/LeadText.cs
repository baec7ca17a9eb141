using System.Globalization;
using PqlGrains.Abstractions.Leads;

namespace PqlGrains.Grains.Leads;

/// <summary>Wording shared by lead activities, notes and alerts.</summary>
public static class LeadText
{
    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span) => span.TotalMinutes < 1
        ? $"{Math.Max(0, (int)span.TotalSeconds)} s"
        : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min" : $"{(int)span.TotalHours} h {span.Minutes} min";

    public static string Feedback(LeadFeedbackKind kind) => kind switch
    {
        LeadFeedbackKind.TooEarly => "too_early",
        LeadFeedbackKind.NotAFit => "not_a_fit",
        _ => "good",
    };
}
