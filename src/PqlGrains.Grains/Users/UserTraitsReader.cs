using PqlGrains.Abstractions.Users;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Grains.Users;

/// <summary>Turns identify traits into <see cref="UserTraits"/> and finds the user's account.</summary>
internal static class UserTraitsReader
{
    public static UserTraits Read(EventProperties traits) => new(
        Email: TraitValues.Text(traits, "email"),
        Name: TraitValues.Text(traits, "name") ?? FullName(traits),
        Plan: TraitValues.Text(traits, "plan"),
        CreatedAt: TraitValues.Time(traits, "createdAt", "created_at", "signupAt", "signup_at"),
        Company: TraitValues.Text(traits, "company.name", "company"));

    /// <summary>The account named by an event: the group call's id, context.groupId, or a company.id trait.</summary>
    public static string? AccountOf(ScoringEvent scoringEvent)
    {
        if (!string.IsNullOrEmpty(scoringEvent.GroupId))
        {
            return scoringEvent.GroupId;
        }

        return scoringEvent.Type == EventType.Identify ? TraitValues.Text(scoringEvent.Properties, "company.id") : null;
    }

    /// <summary>Newer calls win field by field; an older call only fills fields still unknown.</summary>
    public static UserTraits Merge(UserTraits current, UserTraits incoming, bool incomingIsNewer) => incomingIsNewer
        ? new(incoming.Email ?? current.Email, incoming.Name ?? current.Name, incoming.Plan ?? current.Plan, incoming.CreatedAt ?? current.CreatedAt, incoming.Company ?? current.Company)
        : new(current.Email ?? incoming.Email, current.Name ?? incoming.Name, current.Plan ?? incoming.Plan, current.CreatedAt ?? incoming.CreatedAt, current.Company ?? incoming.Company);

    private static string? FullName(EventProperties traits)
    {
        var first = TraitValues.Text(traits, "firstName", "first_name");
        var last = TraitValues.Text(traits, "lastName", "last_name");
        return (first, last) switch
        {
            (null, null) => null,
            (not null, null) => first,
            (null, not null) => last,
            _ => $"{first} {last}",
        };
    }
}
