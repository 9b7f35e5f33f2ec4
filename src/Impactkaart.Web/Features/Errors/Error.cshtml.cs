using Impactkaart.Web.Features.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Impactkaart.Web.Features.Errors;

/// <summary>
/// Our own page for unknown addresses and unexpected failures: never a stack trace or a framework page. A call to
/// the API gets the same outcome as problem details (application/problem+json) instead of the HTML page.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public bool IsNotFound => Status == StatusCodes.Status404NotFound;

    public bool IsForbidden => Status == StatusCodes.Status403Forbidden;

    public bool IsTooManyRequests => Status == StatusCodes.Status429TooManyRequests;

    public bool IsTooLarge => Status == StatusCodes.Status413PayloadTooLarge;

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public Task<IActionResult> OnPostAsync() => ShowAsync();

    // A failure re-executes this page with the request's own method: the API's PUT and DELETE land here too.
    public Task<IActionResult> OnPutAsync() => ShowAsync();

    public Task<IActionResult> OnDeleteAsync() => ShowAsync();

    public Task<IActionResult> OnPatchAsync() => ShowAsync();

    private async Task<IActionResult> ShowAsync()
    {
        // Read from the query only, not bound: binding also reads the form, and a form the server cannot read (a %00
        // in a value) would lose the status and turn the original 400 into a 500.
        int? status = int.TryParse(Request.Query["status"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null;
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>();
        // A request the server could not read (a body over its limit, a query value of the wrong type) is the
        // caller's problem with its own status (413, 400), not a failure of ours.
        Status = failure?.Error is BadHttpRequestException bad ? bad.StatusCode
            : status is >= 400 and < 600 ? status.Value
            : StatusCodes.Status500InternalServerError;
        Response.StatusCode = Status;
        if (IsTooManyRequests)
        {
            // The rate limiter's window is one minute.
            Response.Headers.RetryAfter = "60";
        }
        var originalPath = failure?.Path ?? HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        if (originalPath is not null && new PathString(originalPath).StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await ApiProblems.Unhandled(ApiLanguage.Of(Request), Status).ExecuteAsync(HttpContext);
            return new EmptyResult();
        }
        return Page();
    }
}
