namespace PqlGrains.Abstractions.Definitions;

/// <summary>What an audited change to the definition registry did.</summary>
[GenerateSerializer]
public enum DefinitionAction : byte
{
    Submitted = 0,
    Activated = 1,
    ShadowStarted = 2,
    ShadowStopped = 3,
}
