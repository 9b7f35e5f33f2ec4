using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Wizard;

/// <summary>Step 2: reach and costs (a total, or by category with staff hours times a rate), and own hours.</summary>
public sealed class Step2Model(MapService maps, RequestLanguage language) : FormPage(maps, language)
{
    private static readonly HashSet<int> ThisStep = [2];

    public IActionResult OnGet() => ShowStepOrStartOver();

    public IActionResult OnPost()
    {
        State = PostedState();
        if (GoingBack)
        {
            return Redirect(State.Url("/stap-1"));
        }
        CollectErrors(ThisStep);
        OtherErrors.RemoveAll(e => !e.Url.StartsWith("/stap-1", StringComparison.Ordinal));
        return Errors.Count > 0 || OtherErrors.Count > 0 ? Page() : Redirect(State.Url("/stap-3"));
    }
}
