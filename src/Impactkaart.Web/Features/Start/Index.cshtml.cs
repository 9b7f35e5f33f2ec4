using System.Text;
using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Impactkaart.Web.Features.Start;

/// <summary>The start page: what the Impactkaart is, a way into the wizard, and loading a saved project file.</summary>
public sealed class IndexModel(MapService maps, RequestLanguage language) : FormPage(maps, language)
{
    /// <summary>A project file is a few hundred bytes; anything far larger is not one.</summary>
    public const int MaxFileBytes = 64 * 1024;

    private static readonly HashSet<int> NoStep = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? bestand)
    {
        if (bestand is null || bestand.Length == 0)
        {
            Errors["bestand"] = Lang.T("Kies een projectbestand (.json) om te laden.", "Choose a project file (.json) to load.");
            return Page();
        }
        if (bestand.Length > MaxFileBytes)
        {
            Errors["bestand"] = Lang.Format(new Engine.Text("Het bestand is te groot ({0:N0} kB); een projectbestand is hooguit {1} kB.", "The file is too large ({0:N0} kB); a project file is at most {1} kB."),
                bestand.Length / 1024, MaxFileBytes / 1024);
            return Page();
        }
        string json;
        try
        {
            using var reader = new StreamReader(bestand.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            json = await reader.ReadToEndAsync(HttpContext.RequestAborted);
        }
        catch (DecoderFallbackException)
        {
            Errors["bestand"] = Lang.T("Het bestand is geen tekst in UTF-8; kies het JSON-bestand dat de Impactkaart heeft gemaakt.", "The file is not UTF-8 text; choose the JSON file the Impactkaart made.");
            return Page();
        }
        var read = ProjectRequestJson.Read(json);
        if (!read.IsValid)
        {
            Errors["bestand"] = string.Join(" ", read.Errors.Select(e => e.Message[Lang.Language]));
            return Page();
        }
        State = ProjectState.FromRequest(read.Value!);
        var validated = ProjectRequestValidator.Validate(Maps.Model, read.Value!);
        if (validated.Errors.FirstOrDefault(e => e.Field == "modelVersion") is { } version)
        {
            Errors["bestand"] = version.Message[Lang.Language];
            return Page();
        }
        if (!validated.IsValid)
        {
            // Load what can be loaded, and say per step what still needs fixing.
            AddErrors(validated.Errors, NoStep);
            return Page();
        }
        return Redirect(State.Url("/kaart"));
    }
}
