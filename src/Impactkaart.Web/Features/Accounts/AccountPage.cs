using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Impactkaart.Web.Features.Accounts;

/// <summary>A plain form page (accounts, members, projects): the request's language, field messages, posted values.</summary>
public abstract class AccountPage(RequestLanguage language) : PageModel, IFieldErrors
{
    public RequestLanguage Lang => language;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public List<(string Url, string Message)> OtherErrors { get; } = [];

    public string? ErrorFor(string key) => Errors.GetValueOrDefault(key);

    /// <summary>A posted value as typed (trimmed), for showing it again after a message.</summary>
    public string? Posted(string key) => Request.HasFormContentType ? Request.Form[key].ToString().Trim() : null;

    protected void Error(string key, string nl, string en) => Errors[key] = Lang.T(nl, en);

    /// <summary>The page again with its messages and a 400, so the user keeps what they typed.</summary>
    protected IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Only an address of this site, never one slipped into a link by someone else.</summary>
    protected static string LocalOr(string? url, string fallback) => ReturnAddress.LocalOr(url, fallback);
}
