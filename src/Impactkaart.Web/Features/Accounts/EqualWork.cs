using Impactkaart.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Impactkaart.Web.Features.Accounts;

/// <summary>
/// An address without an account must cost what an address with one costs, or the answer's timing tells who has
/// an account: checking a password (deliberately slow) is done for unknown addresses too, against a hash of a
/// random password that nothing matches.
/// </summary>
public static class EqualWork
{
    private static string? dummyHash;

    public static void CheckPasswordOfNobody(IPasswordHasher<Member> hasher, string password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var nobody = new Member();
        var hash = dummyHash ??= hasher.HashPassword(nobody, Tokens.New());
        _ = hasher.VerifyHashedPassword(nobody, hash, password);
    }
}
