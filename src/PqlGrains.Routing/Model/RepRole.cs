namespace PqlGrains.Routing.Model;

/// <summary>What a rep does with a lead: account executive, sales development, customer success.</summary>
public enum RepRole
{
    AE,
    SDR,
    CSM,
}
