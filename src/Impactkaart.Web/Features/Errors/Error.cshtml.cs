using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Impactkaart.Web.Features.Errors;

/// <summary>Our own page for unknown addresses and unexpected failures: never a stack trace or a framework page.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public bool IsNotFound => Status == StatusCodes.Status404NotFound;

    public bool IsForbidden => Status == StatusCodes.Status403Forbidden;

    public bool IsTooManyRequests => Status == StatusCodes.Status429TooManyRequests;

    public void OnGet(int? status) => Show(status);

    public void OnPost(int? status) => Show(status);

    private void Show(int? status)
    {
        Status = status is >= 400 and < 600 ? status.Value : StatusCodes.Status500InternalServerError;
        Response.StatusCode = Status;
        if (IsTooManyRequests)
        {
            // The rate limiter's window is one minute.
            Response.Headers.RetryAfter = "60";
        }
    }
}
