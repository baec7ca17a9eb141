namespace PqlGrains.Routing.Model;

/// <summary>Deal-size segment from enrichment: enterprise goes to an AE, SMB to an SDR first.</summary>
public enum Segment
{
    Smb,
    Enterprise,
}
