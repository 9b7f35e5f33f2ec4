using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Impactkaart.Web.Features.Shared;

/// <summary>
/// A form over the page's size limit answers 413 (a global filter: every page's form), which shows our page saying the text is too long (Errors/Error).
/// Without this the anti-forgery check meets the unreadable form first and calls it a bad request (400), which the
/// user reads as "something went wrong". Runs after the size limit (order 900) and before that check (order 1000).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class FormTooLargeAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.HttpContext.Request;
        // The error page, re-executed for the 413 with the same request, must not refuse it a second time.
        if (!request.HasFormContentType || context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            return;
        }
        try
        {
            // Read once here; the form is kept, so the check and the page read it again without the body.
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException e)
        {
            // 413 for too large; any other unreadable form (a NUL character, a cut-off body) keeps its own status.
            context.Result = new StatusCodeResult(e.StatusCode);
        }
        catch (InvalidDataException)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }
}
