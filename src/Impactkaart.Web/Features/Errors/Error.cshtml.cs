using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Impactkaart.Web.Features.Errors;

/// <summary>Our own page for unknown addresses and unexpected failures: never a stack trace or a framework page.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public bool IsNotFound { get; private set; }

    public void OnGet(int? status) => Show(status);

    public void OnPost(int? status) => Show(status);

    private void Show(int? status)
    {
        IsNotFound = status == StatusCodes.Status404NotFound;
        Response.StatusCode = status is >= 400 and < 600 ? status.Value : StatusCodes.Status500InternalServerError;
    }
}
