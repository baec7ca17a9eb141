using System.Security.Cryptography;
using System.Text;

namespace PqlGrains.Grains.Privacy;

/// <summary>
/// How the erasure audit names a user without keeping the id: SHA-256 of the id, first 32 hex digits. Whoever knows
/// the id can find its entry; the audit alone does not say who it was.
/// </summary>
public static class UserRef
{
    public static string Of(string userId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..32];
}
