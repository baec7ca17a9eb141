using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PqlGrains.Abstractions;
using PqlGrains.Abstractions.Definitions;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Grains.Definitions;

/// <summary>
/// The cluster's definition versions, the active one, the shadows and the audit. Every change that alters what
/// silos score with bumps <see cref="DefinitionRegistryState.Generation"/>; the silo hosting this grain applies it
/// at once, the others within <see cref="DefinitionOptions.RefreshPeriod"/>.
/// </summary>
internal sealed partial class DefinitionRegistryGrain : Grain, IDefinitionRegistryGrain
{
    private readonly IPersistentState<DefinitionRegistryState> _state;
    private readonly DefinitionOptions _options;
    private readonly ActiveDefinitions _active;
    private readonly TimeProvider _time;
    private readonly ILogger<DefinitionRegistryGrain> _logger;

    public DefinitionRegistryGrain(
        [PersistentState("definitions", PqlStorageNames.Grains)] IPersistentState<DefinitionRegistryState> state,
        IOptions<DefinitionOptions> options,
        ActiveDefinitions active,
        TimeProvider time,
        ILogger<DefinitionRegistryGrain> logger)
    {
        _state = state;
        _options = options.Value;
        _active = active;
        _time = time;
        _logger = logger;
    }

    private DefinitionRegistryState State => _state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.Active is not null)
        {
            return;
        }

        var (yaml, fileName) = InitialDefinition.Read(_options);
        var definition = PqlDefinition.Load(yaml, fileName).GetDefinitionOrThrow();
        var now = _time.GetUtcNow();
        var stored = Store(definition, yaml, InitialDefinition.Actor, now);
        stored.ActivatedAt = now;
        State.Active = stored.Version;
        State.Generation = 1;
        AppendAudit(InitialDefinition.Actor, DefinitionAction.Activated, stored.Version, null, LineDiff.Unified(null, yaml, "/dev/null", Label(stored.Version)), now);
        await _state.WriteStateAsync(cancellationToken);
        LogSeeded(stored.Version, fileName);
    }

    public async Task<DefinitionChangeResult> Submit(string yaml, string fileName, string actor)
    {
        var loaded = PqlDefinition.Load(yaml, fileName);
        if (loaded.Definition is not { } definition)
        {
            var errors = DefinitionProblems.From(loaded.Errors);
            return new(DefinitionOutcome.Invalid, $"The definition has {errors.Length} error(s); fix them and submit again.", errors, null);
        }

        var warnings = DefinitionProblems.From(loaded.Warnings);
        var sha = Sha256(yaml);
        if (Find(definition.Version) is { } existing)
        {
            return existing.Sha256 == sha
                ? new(DefinitionOutcome.Unchanged, $"Version {existing.Version} is already stored with this exact content.", warnings, Info(existing))
                : new(DefinitionOutcome.Conflict, $"Version {existing.Version} already exists with different content (sha256 {existing.Sha256}). Versions are immutable: bump `version` in the file and submit again.", warnings, Info(existing));
        }

        var now = _time.GetUtcNow();
        var stored = Store(definition, yaml, actor, now);
        var active = ActiveDefinition();
        AppendAudit(actor, DefinitionAction.Submitted, stored.Version, active.Version, LineDiff.Unified(active.Yaml, yaml, Label(active.Version), Label(stored.Version)), now);
        await _state.WriteStateAsync();
        return new(DefinitionOutcome.Changed, $"Stored version {stored.Version}; activate it with POST /api/definitions/{stored.Version}/activate or shadow it first.", warnings, Info(stored));
    }

    public async Task<DefinitionChangeResult> Activate(string version, string actor)
    {
        if (Find(version) is not { } target)
        {
            return NotFound(version);
        }

        var previous = ActiveDefinition();
        if (previous.Version == version)
        {
            return new(DefinitionOutcome.Unchanged, $"Version {version} is already active.", [], Info(target));
        }

        var now = _time.GetUtcNow();
        if (State.Shadows.Remove(version))
        {
            // Promoted from shadow: there is nothing left to compare it with.
            await GrainFactory.GetGrain<IShadowLedgerGrain>(version).Stop(now);
        }

        State.Active = version;
        target.ActivatedAt = now;
        AppendAudit(actor, DefinitionAction.Activated, version, previous.Version, LineDiff.Unified(previous.Yaml, target.Yaml, Label(previous.Version), Label(version)), now);
        await CommitAsync();
        LogActivated(version, previous.Version, actor);
        return new(DefinitionOutcome.Changed, $"Version {version} is active (was {previous.Version}). Users rescore by replaying their event log as they next receive an event or are read.", [], Info(target));
    }

    public async Task<DefinitionChangeResult> StartShadow(string version, string actor)
    {
        if (Find(version) is not { } target)
        {
            return NotFound(version);
        }

        var active = ActiveDefinition();
        if (active.Version == version)
        {
            return new(DefinitionOutcome.Conflict, $"Version {version} is the active version; a shadow is evaluated beside the active one, so shadow another version.", [], Info(target));
        }

        if (State.Shadows.Contains(version))
        {
            return new(DefinitionOutcome.Unchanged, $"Version {version} already runs in shadow.", [], Info(target));
        }

        if (State.Shadows.Count >= _options.MaxShadows)
        {
            return new(DefinitionOutcome.Conflict, $"{State.Shadows.Count} versions already run in shadow ({string.Join(", ", State.Shadows)}); stop one (DELETE /api/definitions/{{version}}/shadow) or raise {DefinitionOptions.SectionName}:MaxShadows.", [], Info(target));
        }

        var now = _time.GetUtcNow();
        await GrainFactory.GetGrain<IShadowLedgerGrain>(version).Start(now);
        State.Shadows.Add(version);
        AppendAudit(actor, DefinitionAction.ShadowStarted, version, active.Version, LineDiff.Unified(active.Yaml, target.Yaml, Label(active.Version), Label(version)), now);
        await CommitAsync();
        return new(DefinitionOutcome.Changed, $"Version {version} runs in shadow beside {active.Version}: its would-be leads are recorded, never routed. Compare with GET /api/definitions/{version}/report.", [], Info(target));
    }

    public async Task<DefinitionChangeResult> StopShadow(string version, string actor)
    {
        if (Find(version) is not { } target)
        {
            return NotFound(version);
        }

        if (!State.Shadows.Remove(version))
        {
            return new(DefinitionOutcome.Unchanged, $"Version {version} does not run in shadow.", [], Info(target));
        }

        var now = _time.GetUtcNow();
        await GrainFactory.GetGrain<IShadowLedgerGrain>(version).Stop(now);
        AppendAudit(actor, DefinitionAction.ShadowStopped, version, State.Active, string.Empty, now);
        await CommitAsync();
        return new(DefinitionOutcome.Changed, $"Version {version} no longer runs in shadow; its report stays readable.", [], Info(target));
    }

    public Task<long> GetGeneration() => Task.FromResult(State.Generation);

    public Task<DefinitionSet> GetSet() => Task.FromResult(CurrentSet());

    public Task<DefinitionCatalog> GetCatalog() => Task.FromResult(new DefinitionCatalog(
        State.Generation,
        State.Active!,
        [.. State.Shadows],
        [.. Enumerable.Reverse(State.Versions).Select(Info)]));

    public Task<DefinitionDocument?> Get(string version) =>
        Task.FromResult(Find(version) is { } stored ? new DefinitionDocument(Info(stored), stored.Yaml) : null);

    public Task<DefinitionAuditEntry[]> Audit(int offset, int limit) =>
        Task.FromResult<DefinitionAuditEntry[]>([.. Enumerable.Reverse(State.Audit).Skip(offset).Take(limit)]);

    private async Task CommitAsync()
    {
        State.Generation++;
        await _state.WriteStateAsync();
        _active.Apply(CurrentSet());
    }

    private DefinitionSet CurrentSet() => new(
        State.Generation,
        Text(ActiveDefinition()),
        [.. State.Shadows.Select(version => Text(Find(version)!))]);

    private StoredDefinition Store(PqlDefinition definition, string yaml, string actor, DateTimeOffset now)
    {
        var stored = new StoredDefinition
        {
            Version = definition.Version,
            DefinitionId = definition.Id,
            Yaml = yaml,
            Sha256 = Sha256(yaml),
            SubmittedAt = now,
            SubmittedBy = actor,
        };
        State.Versions.Add(stored);
        return stored;
    }

    private void AppendAudit(string actor, DefinitionAction action, string version, string? comparedWith, string diff, DateTimeOffset now)
    {
        State.Audit.Add(new DefinitionAuditEntry(++State.AuditSequence, now, actor, action, version, comparedWith, diff));
        if (State.Audit.Count > _options.MaxAuditEntries)
        {
            State.Audit.RemoveRange(0, State.Audit.Count - _options.MaxAuditEntries);
        }
    }

    private StoredDefinition? Find(string version) => State.Versions.Find(stored => stored.Version == version);

    private StoredDefinition ActiveDefinition() => Find(State.Active!)!;

    private DefinitionVersionInfo Info(StoredDefinition stored) => new(
        stored.Version,
        stored.DefinitionId,
        stored.SubmittedAt,
        stored.SubmittedBy,
        stored.Sha256,
        stored.Version == State.Active,
        State.Shadows.Contains(stored.Version),
        stored.ActivatedAt);

    private static DefinitionText Text(StoredDefinition stored) => new(stored.Version, stored.Yaml);

    private static DefinitionChangeResult NotFound(string version) =>
        new(DefinitionOutcome.NotFound, $"No definition version '{version}' was submitted; list versions with GET /api/definitions.", [], null);

    private static string Label(string version) => "version " + version;

    private static string Sha256(string yaml) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Definition registry started with version {Version} from {FileName}")]
    private partial void LogSeeded(string version, string fileName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Definition version {Version} activated (was {Previous}) by {Actor}")]
    private partial void LogActivated(string version, string previous, string actor);
}
