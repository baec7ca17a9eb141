namespace PqlGrains.Routing.Model;

/// <summary>How the account buys, which decides whether a rep is involved at all.</summary>
public enum LeadMotion
{
    /// <summary>Pure self-serve: lifecycle marketing nurtures, no rep.</summary>
    SelfServe,

    /// <summary>A rep helps a product-led buyer.</summary>
    SalesAssist,

    /// <summary>Sales already owns the account: log on the existing CRM record instead of opening a task.</summary>
    SalesLed,
}
