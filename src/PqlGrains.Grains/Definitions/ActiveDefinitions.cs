using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PqlGrains.Abstractions.Definitions;
using PqlGrains.Grains.Scoring;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Grains.Definitions;

/// <summary>
/// This silo's compiled copy of the registry's active and shadow definitions. Starts with the initial definition
/// (<c>Pql:Scoring:DefinitionPath</c> or the shipped default) and follows the registry: applied at once on the
/// silo hosting the registry grain, polled by every silo each <see cref="DefinitionOptions.RefreshPeriod"/>.
/// </summary>
public sealed partial class ActiveDefinitions
{
    private readonly IGrainFactory _grains;
    private readonly ILogger<ActiveDefinitions> _logger;
    private readonly Lock _gate = new();
    private volatile ActiveDefinitionSet _current;

    public ActiveDefinitions(IGrainFactory grains, IOptions<DefinitionOptions> options, ILogger<ActiveDefinitions> logger)
    {
        _grains = grains;
        _logger = logger;
        var (yaml, fileName) = InitialDefinition.Read(options.Value);
        _current = new ActiveDefinitionSet(0, new DefinitionScoringModel(PqlDefinition.Load(yaml, fileName).GetDefinitionOrThrow()), []);
    }

    /// <summary>Registry generation applied here; 0 until the first refresh.</summary>
    public long Generation => _current.Generation;

    public DefinitionScoringModel Active => _current.Active;

    public IReadOnlyList<DefinitionScoringModel> Shadows => _current.Shadows;

    /// <summary>Asks the registry for its generation and fetches the set when it moved.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var registry = _grains.GetGrain<IDefinitionRegistryGrain>(IDefinitionRegistryGrain.Key);
        if (await registry.GetGeneration().WaitAsync(cancellationToken) > Generation)
        {
            Apply(await registry.GetSet().WaitAsync(cancellationToken));
        }
    }

    /// <summary>Compiles and swaps in a set, unless this silo already applied that generation or a newer one.</summary>
    public void Apply(DefinitionSet set)
    {
        ActiveDefinitionSet next;
        lock (_gate)
        {
            var current = _current;
            if (set.Generation <= current.Generation)
            {
                return;
            }

            try
            {
                next = new ActiveDefinitionSet(set.Generation, Compile(set.Active, current), [.. set.Shadows.Select(shadow => Compile(shadow, current))]);
            }
            catch (InvalidDefinitionException exception)
            {
                // Stored versions passed validation when submitted; a build whose engine rejects one keeps scoring with what it has.
                LogCompileFailed(exception, set.Generation);
                return;
            }

            _current = next;
        }

        LogApplied(next.Generation, next.Active.DefinitionVersion, string.Join(", ", next.Shadows.Select(shadow => shadow.DefinitionVersion)));
    }

    // Stored versions are immutable (the registry refuses a reused version with other content), so a version compiles once.
    private static DefinitionScoringModel Compile(DefinitionText text, ActiveDefinitionSet current) =>
        current.Active.DefinitionVersion == text.Version ? current.Active
        : Array.Find(current.Shadows, shadow => shadow.DefinitionVersion == text.Version)
            ?? new DefinitionScoringModel(PqlDefinition.Load(text.Yaml, $"version {text.Version}").GetDefinitionOrThrow());

    [LoggerMessage(Level = LogLevel.Information, Message = "Definitions generation {Generation} applied: active {Active}, shadows [{Shadows}]")]
    private partial void LogApplied(long generation, string active, string shadows);

    [LoggerMessage(Level = LogLevel.Error, Message = "Definitions generation {Generation} does not compile on this silo; it keeps scoring with the previous generation. Is this silo running an older build?")]
    private partial void LogCompileFailed(Exception exception, long generation);
}
