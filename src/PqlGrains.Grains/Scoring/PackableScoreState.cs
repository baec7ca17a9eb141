using PqlGrains.Abstractions.Scores;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Grains.Scoring;

/// <summary>
/// An engine state held either live or as its packed snapshot, whichever the subject last needed: a settled subject
/// keeps the few hundred packed bytes instead of the live slots, and the next event, report or read unpacks them under
/// the same definition. The packed bytes are also what the next save writes, so a packed state costs no encode.
/// </summary>
internal abstract class PackableScoreState<TLive>
    where TLive : class
{
    private TLive? _live;
    private byte[]? _packed;

    protected PackableScoreState(PqlDefinition definition, TLive live)
    {
        Definition = definition;
        _live = live;
    }

    public string DefinitionVersion => Definition.Version;

    protected PqlDefinition Definition { get; }

    protected TLive Live
    {
        get
        {
            if (_live is null)
            {
                _live = Unpack(_packed!);
                _packed = null;
            }

            return _live;
        }
    }

    public byte[] Save() => _packed ?? Pack(_live!);

    public ScoreAndTier ScoreAndTierAt(DateTimeOffset at)
    {
        var score = ScoreAt(Live, at);
        return new ScoreAndTier(score, Definition.TierFor(score)?.Name);
    }

    /// <summary>Packs the live state, if it is live.</summary>
    protected void PackLive()
    {
        if (_live is not null)
        {
            _packed = Pack(_live);
            _live = null;
        }
    }

    /// <summary>Keeps <paramref name="saved"/>, which <see cref="Save"/> just returned for an unchanged state, instead of the live state.</summary>
    protected void KeepPacked(byte[] saved)
    {
        _packed = saved;
        _live = null;
    }

    protected abstract byte[] Pack(TLive live);

    protected abstract TLive Unpack(byte[] packed);

    protected abstract double ScoreAt(TLive live, DateTimeOffset at);
}
