using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Just enough HTML reading for HTTP tests that follow links and submit forms the way a browser without JavaScript
/// does: elements by class or attribute, links by their visible name, and forms with the values they show.
/// </summary>
public static partial class Html
{
    /// <summary>The first element (outer HTML) whose opening tag has the class, or null.</summary>
    public static string? ByClass(string html, string cssClass) =>
        Element(html, tag => ClassAttribute().Match(tag) is { Success: true } m && m.Groups[1].Value.Split(' ').Contains(cssClass));

    /// <summary>The first element (outer HTML) whose opening tag has the attribute with this value, or null.</summary>
    public static string? ByAttribute(string html, string name, string value) =>
        Element(html, tag => Attribute(tag, name) == value);

    /// <summary>What a reader sees of a piece of HTML (see <see cref="WebApp.VisibleText"/>), with no-break spaces as spaces.</summary>
    public static string Text(string? html) => WebApp.VisibleText(html ?? "").Replace('\u00A0', ' ').Replace('\u202F', ' ');

    /// <summary>The address of the link whose visible name is exactly this (the first such link).</summary>
    public static string Link(string html, string name)
    {
        foreach (Match link in Anchor().Matches(html))
        {
            if (Text(link.Groups[2].Value) == name && Attribute(link.Groups[1].Value, "href") is { } href)
            {
                return href;
            }
        }
        var names = Anchor().Matches(html).Select(l => Text(l.Groups[2].Value));
        throw new InvalidOperationException($"No link named '{name}' in the page; its links: {string.Join(" | ", names)}");
    }

    /// <summary>An attribute's value in an opening tag, entities decoded; "" for a bare attribute; null when absent.</summary>
    public static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{Regex.Escape(name)}(?:=\"([^\"]*)\")?(?=[\\s/>]|$)", RegexOptions.IgnoreCase);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    private static string? Element(string html, Func<string, bool> matches)
    {
        foreach (Match open in OpeningTag().Matches(html))
        {
            if (!matches(open.Value))
            {
                continue;
            }
            var name = open.Groups[1].Value;
            if (open.Value.EndsWith("/>", StringComparison.Ordinal) || name is "input" or "img" or "br" or "meta" or "link")
            {
                return open.Value;
            }
            var depth = 0;
            foreach (Match tag in new Regex($"<(/?){name}\\b[^>]*>", RegexOptions.IgnoreCase).Matches(html, open.Index))
            {
                depth += tag.Groups[1].Value.Length == 0 ? 1 : -1;
                if (depth == 0)
                {
                    return html[open.Index..(tag.Index + tag.Length)];
                }
            }
        }
        return null;
    }

    [GeneratedRegex("<([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*>")]
    private static partial Regex OpeningTag();

    [GeneratedRegex("\\sclass=\"([^\"]*)\"")]
    private static partial Regex ClassAttribute();

    [GeneratedRegex("<a(\\s[^>]*)>(.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex Anchor();
}

/// <summary>
/// A form on a page as a browser without JavaScript submits it: its action and every control that would be sent
/// (text and hidden inputs, checked boxes and radios, each select's chosen option, the pressed button's name).
/// </summary>
public sealed partial class HtmlForm
{
    private readonly List<KeyValuePair<string, string>> fields;

    private HtmlForm(string action, bool multipart, List<KeyValuePair<string, string>> fields)
    {
        Action = action;
        Multipart = multipart;
        this.fields = fields;
    }

    public string Action { get; }

    public bool Multipart { get; }

    /// <summary>The value a control shows (a radio group: the checked one), or null when it would not be sent.</summary>
    public string? this[string name] => fields.LastOrDefault(f => f.Key == name).Value;

    /// <summary>The form holding the button with this visible text, as it would be submitted by pressing that button.</summary>
    public static HtmlForm WithButton(string html, string button)
    {
        foreach (Match form in FormElement().Matches(html))
        {
            var pressed = ButtonElement().Matches(form.Value).FirstOrDefault(b => Html.Text(b.Groups[2].Value) == button);
            if (pressed is null)
            {
                continue;
            }
            var open = form.Groups[1].Value;
            var found = new List<KeyValuePair<string, string>>();
            foreach (Match control in Control().Matches(form.Value))
            {
                var tag = control.Value;
                var name = Html.Attribute(tag, "name");
                if (name is null)
                {
                    continue;
                }
                if (tag.StartsWith("<select", StringComparison.OrdinalIgnoreCase))
                {
                    var options = OptionTag().Matches(control.Groups[1].Value).ToList();
                    var chosen = options.FirstOrDefault(o => Html.Attribute(o.Value, "selected") is not null) ?? options.FirstOrDefault();
                    if (chosen is not null)
                    {
                        found.Add(new(name, Html.Attribute(chosen.Value, "value") ?? ""));
                    }
                    continue;
                }
                if (tag.StartsWith("<textarea", StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(new(name, WebUtility.HtmlDecode(control.Groups[2].Value)));
                    continue;
                }
                var type = (Html.Attribute(tag, "type") ?? "text").ToLowerInvariant();
                if (type is "submit" or "button" or "reset" or "file" || (type is "checkbox" or "radio" && Html.Attribute(tag, "checked") is null))
                {
                    continue;
                }
                found.Add(new(name, Html.Attribute(tag, "value") ?? (type is "checkbox" or "radio" ? "on" : "")));
            }
            if (Html.Attribute(pressed.Groups[1].Value, "name") is { } buttonName)
            {
                found.Add(new(buttonName, Html.Attribute(pressed.Groups[1].Value, "value") ?? ""));
            }
            return new HtmlForm(Html.Attribute(open, "action") ?? "", Html.Attribute(open, "enctype") == "multipart/form-data", found);
        }
        throw new InvalidOperationException($"No form with a button '{button}' in the page.");
    }

    /// <summary>The same form with a field typed over (or a radio chosen).</summary>
    public HtmlForm With(string name, string value)
    {
        var changed = fields.Where(f => f.Key != name).ToList();
        changed.Add(new(name, value));
        return new HtmlForm(Action, Multipart, changed);
    }

    /// <summary>Submits the form (POST), with a file in a file field if given; the client keeps the anti-forgery cookie.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(HttpClient client, (string Field, string Name, byte[] Bytes)? file = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using HttpContent content = Multipart ? MultipartContent(file) : new FormUrlEncodedContent(fields);
        return await client.PostAsync(Action, content);
    }

    private MultipartFormDataContent MultipartContent((string Field, string Name, byte[] Bytes)? file)
    {
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }
        if (file is { } f)
        {
            var bytes = new ByteArrayContent(f.Bytes);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Add(bytes, f.Field, f.Name);
        }
        return content;
    }

    [GeneratedRegex("(<form\\b[^>]*>).*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormElement();

    [GeneratedRegex("(<button\\b[^>]*>)(.*?)</button>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ButtonElement();

    [GeneratedRegex("<select\\b[^>]*>(.*?)</select>|<textarea\\b[^>]*>(.*?)</textarea>|<input\\b[^>]*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Control();

    [GeneratedRegex("<option\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex OptionTag();
}
