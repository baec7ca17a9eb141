namespace PqlGrains.Routing.Brief;

/// <summary>A first sentence that names the specific behaviour, so the outreach reads as help, not a cold call.</summary>
public static class OpeningLine
{
    public static string Suggest(LeadBrief brief)
    {
        var greeting = brief.Contact.FirstName is { } first ? $"Hi {first}" : "Hi there";
        var company = brief.Account?.Name ?? brief.Firmographics?.CompanyName ?? "your team";
        if (brief.StrongestSignal is not { } strongest)
        {
            return $"{greeting}, I noticed {company} getting real use out of the product lately. Anything I can help you get set up?";
        }

        var behaviour = strongest.Description.Trim().TrimEnd('.');
        return strongest.Category.Trim().ToLowerInvariant() switch
        {
            "viral" or "social" => $"{greeting}, I saw you {behaviour}. Happy to help get the rest of {company} set up; want a quick walkthrough for the team?",
            "adoption" => $"{greeting}, I saw you {behaviour}. Happy to walk you through what the paid plan adds for {company} and answer any pricing questions.",
            "frequency" => $"{greeting}, you've clearly made the product part of your week ({behaviour}). Anything slowing {company} down that I can help with?",
            _ => $"{greeting}, I saw you {behaviour}. Want me to share how similar teams scale that up across {company}?",
        };
    }
}
