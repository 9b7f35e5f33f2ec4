namespace Impactkaart.Web.Features.Shared;

/// <summary>A page with field messages, as the partial "_ErrorSummary" lists them (each a link to its field).</summary>
public interface IFieldErrors
{
    /// <summary>Messages per form key, in the page's language, in the order the fields appear.</summary>
    Dictionary<string, string> Errors { get; }

    /// <summary>Messages about fields on other pages: a link to the page, and the message.</summary>
    List<(string Url, string Message)> OtherErrors { get; }
}
