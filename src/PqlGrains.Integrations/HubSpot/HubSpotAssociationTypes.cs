namespace PqlGrains.Integrations.HubSpot;

/// <summary>HubSpot-defined (v4) association type ids from a task or note to the records it belongs to.</summary>
public static class HubSpotAssociationTypes
{
    public const string Category = "HUBSPOT_DEFINED";

    public const int TaskToContact = 204;
    public const int TaskToCompany = 192;
    public const int TaskToDeal = 216;

    public const int NoteToContact = 202;
    public const int NoteToCompany = 190;
    public const int NoteToDeal = 214;
}
