namespace PqlGrains.Silo.Gateway;

/// <summary>Why the gateway refused a whole request (the <c>reason</c> of <c>pql.gateway.requests.rejected</c>).</summary>
internal enum GatewayRequestRejection
{
    /// <summary>401: missing or unknown write key.</summary>
    Unauthorized = 0,

    /// <summary>400: not JSON, or JSON that is not a Segment call or batch.</summary>
    InvalidBody = 1,

    /// <summary>413: over the 32 KB call or 500 KB batch limit.</summary>
    TooLarge = 2,

    /// <summary>415: a Content-Encoding the gateway does not read.</summary>
    UnsupportedEncoding = 3,

    /// <summary>400: another vendor's format or path (PostHog, Amplitude, Mixpanel).</summary>
    ForeignFormat = 4,

    /// <summary>404: a <c>/v1/{call}</c> Segment does not have.</summary>
    UnknownCall = 5,
}
