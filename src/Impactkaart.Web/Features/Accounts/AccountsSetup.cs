using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
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
        services.AddScoped<MailLimits>();
        // Sign-in, password reset, registration and its link, invitations: at most 10 posts a minute from one network
        // address (Accounts:FormPostsPerMinute); lockout per account and mail limits per address come on top.
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var perMinute = Math.Max(1, configuration.GetValue(AccountLimits.PerMinuteSetting, AccountLimits.PerMinute));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && AccountLimits.IsLimited(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "?",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })
                    : RateLimitPartition.GetNoLimiter("-"));
        });
        return services;
    }
}

/// <summary>The account forms whose posts are rate-limited per network address.</summary>
public static class AccountLimits
{
    /// <summary>The default of <see cref="PerMinuteSetting"/>.</summary>
    public const int PerMinute = 10;

    public const string PerMinuteSetting = "Accounts:FormPostsPerMinute";

    private static readonly string[] Paths = ["/inloggen", "/registreren", "/wachtwoord-vergeten", "/wachtwoord-herstellen"];

    /// <summary>Whether a post to this address counts: the account forms, the registration link, and invitations (they send mail).</summary>
    public static bool IsLimited(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path;
        return Paths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase))
            || path.StartsWithSegments("/registreren/bevestigen", StringComparison.OrdinalIgnoreCase)
            || (path.Equals("/organisatie", StringComparison.OrdinalIgnoreCase)
                && string.Equals(request.Query["handler"], "Invite", StringComparison.OrdinalIgnoreCase));
    }
}
