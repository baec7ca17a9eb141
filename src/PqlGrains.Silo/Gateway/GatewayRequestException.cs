namespace PqlGrains.Silo.Gateway;

/// <summary>A request the gateway refuses before parsing (encoding, size); the message says how to fix it.</summary>
internal sealed class GatewayRequestException(int statusCode, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public int StatusCode { get; } = statusCode;
}
