using System.Threading.RateLimiting;
using Impactkaart.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Impactkaart.Web.Features.Accounts;

/// <summary>
/// Accounts: ASP.NET Core Identity on the store, the session and form cookies, the services of this feature, and
/// the rate limit on the account forms.
/// </summary>
public static class AccountsSetup
{
    public static IServiceCollection AddImpactkaartAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<Member>(options =>
            {
                // Length over character classes (NIST 800-63B): a long passphrase is easy to remember and hard to guess.
                options.Password.RequiredLength = AccountFields.MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = true;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<ImpactkaartDb>()
            .AddDefaultTokenProviders();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "impactkaart.sessie";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/inloggen";
            options.LogoutPath = "/uitloggen";
            options.AccessDeniedPath = "/fout?status=403";
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
        });
        // Check the session's security stamp on every request (one lookup by key): signing out, a password reset or
        // removal from the organisation changes the stamp and so ends every other session of that account at once.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "impactkaart.formulier";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddScoped<CurrentMember>();
        services.AddScoped<Audit>();
        services.AddSingleton<Mail>();
        services.AddSingleton<Links>();
        // Sign-in, password reset and registration: at most 10 attempts a minute from one address (lockout per account comes on top).
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && AccountLimits.IsLimited(context.Request.Path)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "?",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = AccountLimits.PerMinute, Window = TimeSpan.FromMinutes(1) })
                    : RateLimitPartition.GetNoLimiter("-"));
        });
        return services;
    }
}

/// <summary>The account forms whose posts are rate-limited per address.</summary>
public static class AccountLimits
{
    public const int PerMinute = 10;

    private static readonly string[] Paths = ["/inloggen", "/registreren", "/wachtwoord-vergeten", "/wachtwoord-herstellen"];

    public static bool IsLimited(PathString path) =>
        Paths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase));
}
