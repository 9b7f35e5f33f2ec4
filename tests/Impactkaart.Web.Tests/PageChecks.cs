using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Impactkaart.Web.Tests;

/// <summary>What every browser test checks on a page the same way: axe, and no sideways scrolling.</summary>
public static class PageChecks
{
    /// <summary>axe-core runs its rules on the page and finds nothing; else the failure lists each violation, where, and why.</summary>
    public static async Task ExpectAxeCleanAsync(this IPage page, string where)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes); // axe did run its rules on this page
        Assert.True(result.Violations.Length == 0, $"axe found on {where} ({page.Url}):\n{Describe(result.Violations)}");
    }

    /// <summary>The page is no wider than the screen; else the failure names the elements that reach furthest past its edge.</summary>
    public static async Task ExpectNoSidewaysScrollingAsync(this IPage page, string where)
    {
        ArgumentNullException.ThrowIfNull(page);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var clientWidth = await page.EvaluateAsync<int>("document.documentElement.clientWidth");
        Assert.True(scrollWidth <= clientWidth, $"{where} ({page.Url}) is {scrollWidth} px wide on a {clientWidth} px screen; widest: {await Widest(page)}");
    }

    private static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} [{violation.HelpUrl}]");
            foreach (var node in violation.Nodes.Take(8))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    at {node.Target}: {Shorten(node.Html)}");
                foreach (var check in (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []))
                {
                    text.AppendLine("       " + check.Message);
                }
            }
        }
        return text.ToString();
    }

    private static string Shorten(string? html) => html is null ? "" : html.Length > 160 ? html[..160] + "…" : html;

    /// <summary>
    /// The elements reaching furthest past the right edge, widest first: the place to look when the page scrolls
    /// sideways. Inside a box that scrolls on its own only those positioned outside its flow count (they escape it).
    /// </summary>
    private static async Task<string> Widest(IPage page)
    {
        var wide = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
              .map(e => ({ e, r: e.getBoundingClientRect() }))
              .filter(({ e, r }) => r.right > document.documentElement.clientWidth + 1
                && (!e.parentElement.closest('.table-scroll') || ['absolute', 'fixed'].includes(getComputedStyle(e).position)))
              .sort((a, b) => b.r.right - a.r.right)
              .slice(0, 6)
              .map(({ e, r }) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${typeof e.className === 'string' && e.className ? '.' + e.className.trim().replace(/\s+/g, '.') : ''} (${Math.round(r.width)} px wide, right edge ${Math.round(r.right)})`)
            """);
        return wide.Length == 0 ? "(no single element: look at margins)" : string.Join("; ", wide);
    }
}
