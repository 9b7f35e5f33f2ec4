using Impactkaart.Engine.Model;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Impactkaart.Web.Features.Methodology;

/// <summary>
/// The methodology ("Verantwoording"), generated from the model data: the method, every theme, reference project,
/// outcome, question, price, profession and source, the discount rate, the price index and the model version.
/// </summary>
public sealed class VerantwoordingModel(ImpactModel model, RequestLanguage language) : PageModel
{
    public ImpactModel ImpactModel => model;

    public RequestLanguage Lang => language;

    public void OnGet()
    {
    }
}
