using PqlGrains.Abstractions.Qualification;

namespace PqlGrains.Grains.Qualification;

internal sealed partial class TierChangeFeedGrain
{
    public async Task Forget(string userId)
    {
        var removed = feed.State.Changes.RemoveAll(change => change.Kind == SubjectKind.User && change.SubjectId == userId);
        if (removed > 0)
        {
            await feed.WriteStateAsync();
        }
    }
}
