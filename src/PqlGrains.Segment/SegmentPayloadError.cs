namespace PqlGrains.Segment;

/// <summary>Why a whole request body was refused (as opposed to one message of a batch).</summary>
public enum SegmentPayloadError : byte
{
    /// <summary>The body is not JSON (HTTP 400).</summary>
    InvalidJson = 0,

    /// <summary>The body is JSON but not a Segment call or batch (HTTP 400).</summary>
    InvalidShape = 1,

    /// <summary>The body is over the 32 KB call or 500 KB batch limit (HTTP 413).</summary>
    TooLarge = 2,

    /// <summary>The body is another vendor's format (PostHog, Amplitude, Mixpanel) (HTTP 400).</summary>
    ForeignFormat = 3,
}
