namespace PqlGrains.Segment;

/// <summary>A request body that cannot be read at all; the message says what is wrong and how to fix it.</summary>
public sealed class SegmentPayloadException : Exception
{
    public SegmentPayloadException(SegmentPayloadError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    public SegmentPayloadError Error { get; }
}
