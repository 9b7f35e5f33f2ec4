using Impactkaart.Engine;

namespace Impactkaart.Web.Features.Shared;

/// <summary>
/// The language of the current request: "?taal=en" wins, then the "taal" cookie set by the visible switch;
/// Dutch by default.
/// </summary>
public sealed class RequestLanguage(IHttpContextAccessor accessor)
{
    public const string Cookie = "taal";

    public Language Language { get; } = Detect(accessor.HttpContext);

    public bool IsEnglish => Language == Language.En;

    public string Code => IsEnglish ? "en" : "nl";

    /// <summary>The text in the request's language.</summary>
    public string this[Text text] => text[Language];

    /// <summary>A text of the page itself, given in both languages where it is used.</summary>
    public string T(string nl, string en) => IsEnglish ? en : nl;

    /// <summary>Numbers and money in the request's language (nl-NL or en-GB).</summary>
    public Impactkaart.Reports.Formats Formats => formats ??= new Impactkaart.Reports.Formats(Language);

    private Impactkaart.Reports.Formats? formats;

    /// <summary>A text with placeholders filled in the request's culture.</summary>
    public string Format(Text text, params object?[] args) =>
        string.Format(IsEnglish ? System.Globalization.CultureInfo.GetCultureInfo("en-GB") : System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), text[Language], args);

    private static Language Detect(HttpContext? context)
    {
        var requested = context?.Request.Query["taal"].ToString();
        if (string.IsNullOrEmpty(requested))
        {
            requested = context?.Request.Cookies[Cookie];
        }
        return requested == "en" ? Language.En : Language.Nl;
    }
}

/// <summary>The visible language switch: works without JavaScript (a link that sets a cookie and goes back).</summary>
public static class LanguageSwitch
{
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/taal/{code}", (string code, string? terug, HttpContext context) =>
        {
            var language = code == "en" ? "en" : "nl";
            context.Response.Cookies.Append(RequestLanguage.Cookie, language, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
            // Only back to a page of this site, never to an address someone slipped into the link.
            return Results.Redirect(ReturnAddress.LocalOr(terug, "/"));
        });
}

/// <summary>Headers that keep the pages from being framed, sniffed or running scripts from elsewhere.</summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
            await next(context);
        });
}

/// <summary>Answers that hold an organisation's data are never kept by a browser or a shared cache.</summary>
public static class NoStore
{
    public static TBuilder WithNoStore<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
}
