using System.Runtime.CompilerServices;
using System.Text.Json;

namespace PqlGrains.Segment;

/// <summary>
/// The page/screen values a message's properties fall back to when they do not set them
/// (<c>category</c>, then <c>context.page</c>'s path, url, title, referrer, search), held on the
/// stack: a page view is a quarter of typical traffic, and a list per event was pure garbage.
/// </summary>
[InlineArray(Capacity)]
internal struct PageFallbacks
{
    public const int Capacity = 6;

    private (string Key, JsonElement Value) _first;
}
