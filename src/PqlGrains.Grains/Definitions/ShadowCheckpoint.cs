namespace PqlGrains.Grains.Definitions;

/// <summary>A subject's state under one shadow version, saved with the subject's checkpoint.</summary>
[GenerateSerializer]
public sealed class ShadowCheckpoint
{
    [Id(0)] public string Version { get; set; } = string.Empty;

    [Id(1)] public byte[] ScoreState { get; set; } = [];

    /// <summary>The tier the shadow last put the subject in; a change is a would-be lead.</summary>
    [Id(2)] public string? Tier { get; set; }
}
